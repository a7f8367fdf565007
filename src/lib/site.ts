/**
 * Site-wide settings. The public URL is the one value a deployment changes: set SITE_URL
 * (e.g. SITE_URL=https://www.example.org npm run build); canonical URLs, the sitemap,
 * RSS and structured data all derive from it.
 */
export const SITE = {
  name: '分期租机知识库',
  tagline: '把分期购机、租机的真实成本、风险和维权办法讲清楚',
  description:
    '面向普通消费者的分期购机与租机知识库：申请条件、真实年化利率、押金与买断、套现与诈骗识别、逾期后果和维权途径，用通俗的中文讲清楚。',
  url: (process.env.SITE_URL ?? 'https://fenqi.example.com').replace(/\/+$/, ''),
  locale: 'zh-CN',
  organization: '分期租机知识库编辑部',
} as const;

/** The disclaimer every page shows; articles do not repeat it. */
export const DISCLAIMER =
  '本站内容仅为一般性消费知识科普，不构成法律、金融或投资建议。费率、规则以合同和平台官方页面为准；遇到纠纷可拨打 12315，遇到诈骗请立即拨打 110 或 96110。';
