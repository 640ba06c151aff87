// Theme tokens: Ant Design's default primary (#1677ff) on its light selected-item
// background fails axe's colour-contrast rule (4.5:1); this darker blue passes on white
// and on the selected background.
import type { ThemeConfig } from "antd";

export const PRIMARY = "#0958d9";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorLink: PRIMARY,
    colorTextDescription: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Menu: { itemSelectedColor: "#003eb3", itemSelectedBg: "#e6f0ff" },
    Badge: { colorError: "#cf1322" },
  },
};
