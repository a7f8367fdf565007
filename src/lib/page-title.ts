/**
 * <title> text. Articles use the order Baidu recommends: 文章标题 - 分类名 - 站点名.
 */
export function pageTitle(siteName: string, ...parts: string[]): string {
  return [...parts.filter(Boolean), siteName].join(' - ');
}
