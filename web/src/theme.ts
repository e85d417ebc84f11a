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
    // #ad6800 reads 4.41:1 on white (顺延至… on the periods page): one step darker.
    colorWarning: '#8f5600',
    colorWarningText: '#8f5600',
    // The processing tag (填报中) writes colorInfo on its pale blue: antd's #1677ff is 3.66:1 there.
    colorInfo: '#0958d9',
    colorInfoText: '#0958d9',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    // Preset tag colours (Tag color="green" …) write their 7th shade on their 1st: green, gold,
    // orange, volcano (安全管理员, 4.37:1), cyan (安全审计员, 3.39:1) and lime fall short of 4.5:1
    // there, so those take their 8th shade.
    green7: '#237804',
    gold7: '#874d00',
    orange7: '#ad4e00',
    volcano7: '#ad2102',
    cyan7: '#006d75',
    lime7: '#3f6600',
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
