// Theme tokens: Ant Design's default colours (primary #1677ff, success #52c41a, warning
// #faad14, error #ff4d4f) fail axe's colour-contrast rule (4.5:1) as text on white and on
// their own light backgrounds (selected menu items, status tags, danger buttons); these
// darker shades of the same hues pass.
import type { ThemeConfig } from "antd";

export const PRIMARY = "#0958d9";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorLink: PRIMARY,
    colorInfo: PRIMARY,
    colorSuccess: "#237804",
    colorWarning: "#ad6800",
    colorError: "#cf1322",
    // The light backgrounds derived from such dark seeds come out grey: keep antd's own.
    colorPrimaryBg: "#e6f4ff",
    colorInfoBg: "#e6f4ff",
    colorInfoBorder: "#91caff",
    colorSuccessBg: "#f6ffed",
    colorSuccessBorder: "#b7eb8f",
    colorWarningBg: "#fffbe6",
    colorWarningBorder: "#ffe58f",
    colorErrorBg: "#fff2f0",
    colorErrorBorder: "#ffccc7",
    colorTextDescription: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Menu: { itemSelectedColor: "#003eb3", itemSelectedBg: "#e6f0ff", itemPaddingInline: 12 },
  },
};
