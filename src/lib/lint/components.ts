/**
 * The MDX components editors may use in articles (src/components/mdx/), as data: their
 * props and what goes between their tags. The linter and the build check every use in
 * every article against this list; the components use the same helpers to format what
 * they show, so a use that passes here renders.
 */
import type { Problem } from '../content-checks.ts';

type PropKind = 'text' | 'number' | 'boolean' | 'numbers';

interface PropSpec {
  kind: PropKind;
  required?: boolean;
  /** Allowed values of a text prop. */
  values?: readonly string[];
}

type ContentRule = 'none' | 'any' | 'orderedList' | 'list' | 'table';

export interface ComponentSpec {
  /** What it is for, in the editor's words. */
  summary: string;
  props: Record<string, PropSpec>;
  content: ContentRule;
  /** A correct use, shown in messages. */
  example: string;
}

/** Callout types as editors write them, and the kind each renders as. English names are accepted too. */
export const CALLOUT_TYPES = { 提示: 'tip', 注意: 'note', 警告: 'warning' } as const;
export type CalloutKind = (typeof CALLOUT_TYPES)[keyof typeof CALLOUT_TYPES];
const CALLOUT_VALUES = [...Object.keys(CALLOUT_TYPES), ...Object.values(CALLOUT_TYPES)];

const calculatorCommon: Record<string, PropSpec> = {
  title: { kind: 'text' },
  headingLevel: { kind: 'number' },
  id: { kind: 'text' },
};

export const COMPONENTS: Record<string, ComponentSpec> = {
  Callout: {
    summary: '提示框：提示（tip）、注意（note）、警告（warning）',
    props: { type: { kind: 'text', values: CALLOUT_VALUES }, title: { kind: 'text' } },
    content: 'any',
    example: '<Callout type="警告">\n不要把钱转到个人账户。\n</Callout>',
  },
  Steps: {
    summary: '带编号的操作步骤',
    props: {},
    content: 'orderedList',
    example: '<Steps>\n1. 第一步……\n2. 第二步……\n</Steps>',
  },
  KeyPoints: {
    summary: '要点速览',
    props: { title: { kind: 'text' } },
    content: 'list',
    example: '<KeyPoints>\n- 要点一\n- 要点二\n</KeyPoints>',
  },
  LawCitation: {
    summary: '法条引用：法律名称、条号和条文（原文或大意）',
    props: { law: { kind: 'text', required: true }, article: { kind: 'text', required: true }, paraphrase: { kind: 'boolean' } },
    content: 'any',
    example: '<LawCitation law="民法典" article="第634条">\n分期付款的买受人未支付到期价款的数额达到全部价款的五分之一……\n</LawCitation>',
  },
  CompareTable: {
    summary: '对比表：手机上每一行变成一张卡片',
    props: { caption: { kind: 'text' } },
    content: 'table',
    example: '<CompareTable caption="分期和租机对比">\n\n| 项目 | 分期 | 租机 |\n| --- | --- | --- |\n| 所有权 | 归你 | 归平台 |\n\n</CompareTable>',
  },
  InstallmentCalculator: {
    summary: '分期计算器（每期还款、实际年化利率）',
    props: {
      price: { kind: 'number' },
      downPayment: { kind: 'number' },
      periods: { kind: 'number' },
      feeRate: { kind: 'number' },
      monthlyPayment: { kind: 'number' },
      comparePeriods: { kind: 'numbers' },
      ...calculatorCommon,
    },
    content: 'none',
    example: '<InstallmentCalculator price={6000} periods={12} feeRate={0.6} />',
  },
  LeaseVsBuyCalculator: {
    summary: '租机还是买：总花费与隐含年化利率',
    props: {
      retailPrice: { kind: 'number' },
      buyTotal: { kind: 'number' },
      monthlyRent: { kind: 'number' },
      months: { kind: 'number' },
      deposit: { kind: 'number' },
      buyoutPrice: { kind: 'number' },
      ...calculatorCommon,
    },
    content: 'none',
    example: '<LeaseVsBuyCalculator retailPrice={6000} monthlyRent={300} months={12} deposit={1000} buyoutPrice={3000} />',
  },
};

/** 提示/注意/警告 (or tip/note/warning) → the kind and its visible label; undefined if unknown. */
export function calloutKind(type: string | undefined): { kind: CalloutKind; label: string } | undefined {
  const value = (type ?? '提示').trim();
  for (const [label, kind] of Object.entries(CALLOUT_TYPES)) if (value === label || value === kind) return { kind, label };
  return undefined;
}

/** 民法典 / 《民法典》 → 《民法典》; undefined when empty. */
export function lawTitle(law: string | undefined): string | undefined {
  const name = (law ?? '').trim().replace(/^《+|》+$/g, '').trim();
  return name ? `《${name}》` : undefined;
}

const NUMERAL = '[0-9一二三四五六七八九十百千零〇两]';

/**
 * 634 / 第634条 / 第 634 条第一款 / 第641–642条 → 第 634 条…, with spaces between digits and
 * Chinese as the site's typography wants; undefined when it names no article number.
 */
export function lawArticleLabel(article: string | undefined): string | undefined {
  const text = (article ?? '').trim();
  if (/^\d+$/.test(text)) return `第 ${text} 条`;
  if (!new RegExp(`^第\\s*${NUMERAL}+`).test(text) || !text.includes('条')) return undefined;
  return text.replace(/(\p{Script=Han})(\d)/gu, '$1 $2').replace(/(\d)(\p{Script=Han})/gu, '$1 $2');
}

/** The message for a component used wrongly, shared by the linter and the components themselves. */
export function misuseMessage(name: string, problem: string): string {
  const spec = COMPONENTS[name];
  return `<${name}> 用法不对：${problem}${spec ? ` 正确写法示例：${spec.example.replace(/\n/g, ' ')}` : ''}`;
}

// ---- Checking uses in an MDX tree (satteri's mdast: mdxJsxFlowElement / mdxJsxTextElement) ----

export interface MdxNode {
  type: string;
  name?: string | null;
  ordered?: boolean | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
}

const isElement = (n: MdxNode) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';

function propProblem(prop: string, spec: PropSpec, value: unknown): string | undefined {
  const isExpression = typeof value === 'object' && value !== null;
  const expression = isExpression ? String((value as { value?: unknown }).value ?? '').trim() : '';
  switch (spec.kind) {
    case 'text':
      if (typeof value !== 'string') return `${prop} 要写成 ${prop}="文字"（双引号）。`;
      if (!value.trim()) return `${prop} 不能是空的。`;
      if (spec.values && !spec.values.includes(value.trim()))
        return `${prop}="${value}" 不认识，只能是 ${spec.values.join('、')}。`;
      return undefined;
    case 'number':
      if (!isExpression || !/^-?\d+(\.\d+)?$/.test(expression)) return `${prop} 是数字，要写成 ${prop}={6000}（花括号，不加引号）。`;
      return undefined;
    case 'numbers':
      if (!isExpression || !/^\[\s*(\d+(\.\d+)?\s*(,\s*\d+(\.\d+)?\s*)*)?\]$/.test(expression)) return `${prop} 是数字列表，要写成 ${prop}={[6, 12, 24]}。`;
      return undefined;
    case 'boolean':
      if (value === null || value === undefined || expression === 'true' || expression === 'false') return undefined;
      return `${prop} 是开关：写 ${prop} 表示“是”，不写表示“否”。`;
  }
}

function contentProblem(spec: ComponentSpec, children: MdxNode[]): string | undefined {
  const meaningful = children.filter((c) => !(c.type === 'text' && !String(c.value ?? '').trim()));
  switch (spec.content) {
    case 'none':
      return meaningful.length ? '这个组件不包含内容，请写成自闭合标签 <… />。' : undefined;
    case 'any':
      return meaningful.length ? undefined : '开始和结束标签之间要写内容。';
    case 'orderedList':
      return meaningful.length > 0 && meaningful.every((c) => c.type === 'list' && c.ordered)
        ? undefined
        : '标签之间只能写一个编号列表（每行以 1. 2. 3. 开头）。';
    case 'list':
      return meaningful.length > 0 && meaningful.every((c) => c.type === 'list') ? undefined : '标签之间只能写一个列表（每行以 - 开头）。';
    case 'table':
      return meaningful.length === 1 && meaningful[0]!.type === 'table'
        ? undefined
        : '标签之间只能写一个 Markdown 表格（表格前后各空一行）。';
  }
}

/** Every misuse of a component in one article's tree. */
export function componentProblems(file: string, tree: MdxNode): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: MdxNode) => {
    if (isElement(node) && node.name && /^[A-Z]/.test(node.name)) {
      const line = node.position?.start.line ?? 1;
      const report = (message: string) => problems.push({ file, line, rule: 'component', severity: 'error', message });
      const spec = COMPONENTS[node.name];
      if (!spec) {
        report(`没有叫 <${node.name}> 的组件。可用的组件：${Object.keys(COMPONENTS).join('、')}（区分大小写）。用法见 docs/editing.md。`);
      } else {
        const given = new Set<string>();
        for (const attr of node.attributes ?? []) {
          if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
            report(misuseMessage(node.name, '属性只能写成 名字="文字" 或 名字={数字}。'));
            continue;
          }
          given.add(attr.name);
          const propSpec = spec.props[attr.name];
          if (!propSpec) {
            const known = Object.keys(spec.props);
            report(misuseMessage(node.name, `没有 ${attr.name} 这个属性。${known.length ? `可用的属性：${known.join('、')}。` : '它不需要属性。'}`));
            continue;
          }
          const bad = propProblem(attr.name, propSpec, attr.value);
          if (bad) report(misuseMessage(node.name, bad));
        }
        for (const [prop, propSpec] of Object.entries(spec.props)) {
          if (propSpec.required && !given.has(prop)) report(misuseMessage(node.name, `缺少 ${prop}。`));
        }
        if (node.name === 'LawCitation') {
          const article = node.attributes?.find((a) => a.name === 'article')?.value;
          if (typeof article === 'string' && article.trim() && !lawArticleLabel(article))
            report(misuseMessage(node.name, `article="${article}" 要写条号，例如 article="第634条" 或 article="634"。`));
        }
        const bad = contentProblem(spec, node.children ?? []);
        if (bad) report(misuseMessage(node.name, bad));
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}
