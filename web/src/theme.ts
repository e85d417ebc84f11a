import type { ThemeConfig } from 'antd';

// A restrained government palette: deep blue primary, official red accents only for the logo mark.
// Fonts are the system's own: the intranet has no web fonts, and the OS ships CJK faces.
// Text and status colours meet WCAG 2.1 AA (4.5:1) for readers in their fifties: Ant Design's
// defaults (secondary text rgba(0,0,0,.45) ≈ 3.3:1, status tags' light red/green/gold on their pale
// backgrounds ≈ 2.3–3:1) do not, as axe-core found on the screens of issue 14.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9e',
    colorTextSecondary: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorLink: '#1f4e9e',
    colorError: '#c41d1f',
    colorErrorText: '#c41d1f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorSuccess: '#237804',
    colorSuccessText: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#ad6800',
    colorWarningText: '#ad6800',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  },
  components: {
    // The switch's own words (顺延/不顺延) in white on its grey track; the table's empty message.
    Switch: { colorTextQuaternary: 'rgba(0, 0, 0, 0.55)', colorTextTertiary: 'rgba(0, 0, 0, 0.65)' },
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
    Layout: { siderBg: '#0f2a55', triggerBg: '#0b2247', headerBg: '#ffffff', headerPadding: '0 24px' },
    Menu: { darkItemBg: '#0f2a55', darkSubMenuItemBg: '#0b2247', darkItemSelectedBg: '#1f4e9e' },
  },
};
