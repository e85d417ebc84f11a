import type { ThemeConfig } from 'antd';

// A restrained government palette: deep blue primary, official red accents only for the logo mark.
// Fonts are the system's own: the intranet has no web fonts, and the OS ships CJK faces.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9e',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  },
  components: {
    Layout: { siderBg: '#0f2a55', triggerBg: '#0b2247', headerBg: '#ffffff', headerPadding: '0 24px' },
    Menu: { darkItemBg: '#0f2a55', darkSubMenuItemBg: '#0b2247', darkItemSelectedBg: '#1f4e9e' },
  },
};
