/**
 * What does it really cost? Pure calculations for phone installment plans (分期) and
 * phone leases (租机), shared by the calculators (build-time worked examples and the
 * browser island) and the unit tests. No DOM, no I/O.
 *
 * Conventions used throughout (the calculators state them to the reader too):
 * - Amounts are yuan (元) as plain numbers, never rounded in the middle of a calculation;
 *   only the formatters round, to the fen (分). Real bills often round each period's
 *   principal to the fen and put the remainder in the last period, so they may differ
 *   from these results by a few fen.
 * - Rates in results are fractions (0.1303 means 13.03%). The one rate the reader types,
 *   the monthly fee rate, is entered in percent (0.6 means 0.6%), as shops quote it.
 * - Installment fees follow the card and consumer-installment convention: every period
 *   charges 分期本金 × 月费率 on the full original principal, so
 *   每期还款 = 本金 ÷ 期数 + 本金 × 月费率.
 * - The real annual rate is the IRR method of 中国人民银行公告〔2021〕第3号: find the monthly
 *   rate r that discounts the payments back to the amount borrowed, then 年化 = 12 × r
 *   (the spreadsheet =RATE(...)*12). The compounded rate (1 + r)^12 − 1 is given as well.
 * - Every function returns finite numbers or a typed error with a Chinese message: never
 *   NaN or Infinity.
 */

/** Raw input as it comes from a form field or from a component prop. */
export type NumericInput = number | string | null | undefined;

/** One problem with one input field, in words a reader understands. */
export interface FieldError<F extends string = string> {
  field: F;
  message: string;
}

/** Either a value or the reasons there is none. `message` joins all the errors. */
export type Result<T, F extends string = string> =
  | { ok: true; value: T }
  | { ok: false; errors: FieldError<F>[]; message: string };

/** Largest amount accepted, in yuan: larger numbers are almost certainly typos. */
export const MAX_AMOUNT = 100_000_000;
/** Longest plan or lease accepted, in months. */
export const MAX_PERIODS = 120;
/** Highest monthly fee rate accepted, in percent. */
export const MAX_FEE_RATE_PERCENT = 100;

// ---------------------------------------------------------------------------
// Parsing

interface NumberRules {
  /** Field name in the message, e.g. 手机价格. */
  label: string;
  /** Value used when the field is empty; without it, empty is an error. */
  emptyAs?: number;
  /** Smallest allowed value (inclusive), default 0. */
  min?: number;
  /** Whether the minimum itself is allowed, default true. */
  minInclusive?: boolean;
  max?: number;
  integer?: boolean;
  /** Unit for messages, e.g. 元, 期, %. */
  unit?: string;
  /** An example for the "not a number" message, e.g. 6000. */
  example?: string;
}

const FULL_WIDTH = /[０-９．－＋]/g;
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads a number the way people type it: full-width digits, thousands separators,
 * spaces, a leading ¥ and a trailing 元 / % / 期 / 个月 are accepted. Returns undefined
 * for anything else (including scientific notation and NaN).
 */
export function parseNumber(raw: NumericInput): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/(元|%|％|期|个月|月)$/, '');
  if (!NUMBER_PATTERN.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function isEmpty(raw: NumericInput): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/** Validates one field. Returns the number or the reader-facing message. */
function readField(raw: NumericInput, rules: NumberRules): number | string {
  const { label, unit = '', min = 0, minInclusive = true, max = MAX_AMOUNT } = rules;
  if (isEmpty(raw)) return rules.emptyAs ?? `请填写${label}。`;
  const value = parseNumber(raw);
  if (value === undefined) return `${label}必须是数字${rules.example ? `，例如 ${rules.example}` : ''}。`;
  if (value < 0) return `${label}不能是负数。`;
  if (rules.integer && !Number.isInteger(value)) return `${label}必须是整数。`;
  const space = unit === '%' ? '' : ' ';
  if (minInclusive ? value < min : value <= min) {
    return min === 0 ? `${label}必须大于 0。` : `${label}至少为 ${min}${space}${unit}。`;
  }
  if (value > max) return `${label}不能超过 ${max.toLocaleString('zh-CN')}${space}${unit}。`;
  return value;
}

/** Collects field results; returns the numbers or all the errors. */
class FieldReader<F extends string> {
  readonly errors: FieldError<F>[] = [];
  read(field: F, raw: NumericInput, rules: NumberRules): number {
    const result = readField(raw, rules);
    if (typeof result === 'string') {
      this.errors.push({ field, message: result });
      return 0;
    }
    return result;
  }
  fail(field: F, message: string): void {
    this.errors.push({ field, message });
  }
  failure<T>(): Result<T, F> {
    return { ok: false, errors: this.errors, message: this.errors.map((e) => e.message).join('') };
  }
}

// ---------------------------------------------------------------------------
// The rate solver

/**
 * The monthly rate r at which a loan's cash flows are worth nothing today:
 * Σ flows[t] / (1 + r)^t = 0, flows[t] in month t, from the borrower's side.
 *
 * It only accepts the shape of a loan: money received at t = 0 (flows[0] > 0) and only
 * payments afterwards (flows[t] ≤ 0, at least one < 0). Then exactly one rate > −100%
 * exists. It is found in x = 1 / (1 + r), where the present value p(x) = Σ flows[t]·x^t
 * is decreasing and concave for x > 0, with Newton steps kept inside a bracket that
 * always holds the root, and bisection whenever a step would leave it: deterministic and
 * free of overflow for any rate from −100% to very high. Returns undefined for flows of
 * any other shape. Negative rates mean less is paid back than was received.
 */
export function solveMonthlyRate(flows: readonly number[]): number | undefined {
  if (flows.length < 2 || !flows.every(Number.isFinite)) return undefined;
  const [first = 0, ...later] = flows;
  if (!(first > 0) || later.some((f) => f > 0) || !later.some((f) => f < 0)) return undefined;

  // Zero flows are skipped so that 0 × ∞ never turns a sum into NaN for huge x.
  const value = (x: number) => flows.reduce((sum, f, t) => (f === 0 ? sum : sum + f * x ** t), 0);
  const slope = (x: number) => flows.reduce((sum, f, t) => (t === 0 || f === 0 ? sum : sum + t * f * x ** (t - 1)), 0);

  // p(0) = flows[0] > 0; grow hi until p(hi) < 0 (it must: p → −∞).
  let lo = 0;
  let hi = 1;
  while (value(hi) >= 0 && hi < 1e6) {
    lo = hi;
    hi *= 2;
  }
  if (value(hi) >= 0) return undefined;

  let x = hi;
  for (let i = 0; i < 200; i++) {
    const px = value(x);
    if (px === 0) {
      lo = hi = x;
      break;
    }
    if (px > 0) lo = x;
    else hi = x;
    const d = slope(x);
    let next = d < 0 ? x - px / d : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, x)) {
      x = next;
      break;
    }
    x = next;
  }
  const r = 1 / x - 1;
  return Number.isFinite(r) ? r : undefined;
}

/** Annual rates from a monthly rate r: APR 12r and the compounded (1 + r)^12 − 1. */
export function annualRates(monthlyRate: number): { apr: number; effectiveAnnualRate: number } {
  return { apr: 12 * monthlyRate, effectiveAnnualRate: (1 + monthlyRate) ** 12 - 1 };
}

// ---------------------------------------------------------------------------
// Installments

export type InstallmentField = 'price' | 'downPayment' | 'periods' | 'feeRate' | 'monthlyPayment';

interface InstallmentBase {
  /** 商品价格, yuan. */
  price: NumericInput;
  /** 首付, yuan; empty means 0. */
  downPayment?: NumericInput;
  /** 期数 (months). */
  periods: NumericInput;
}

/** A plan described by its monthly fee rate, or by the monthly payment the shop quotes. */
export type InstallmentInput = InstallmentBase &
  (
    | { mode: 'feeRate'; /** 月费率 in percent: 0.6 means 0.6%. */ feeRate: NumericInput }
    | { mode: 'payment'; /** 每期还款额, yuan. */ monthlyPayment: NumericInput }
  );

export interface InstallmentPlan {
  mode: 'feeRate' | 'payment';
  price: number;
  downPayment: number;
  /** 分期本金 = price − downPayment. */
  principal: number;
  periods: number;
  /** 月费率 as a fraction (0.006); in payment mode, the rate the payment implies. */
  monthlyFeeRate: number;
  /** 每期还款. */
  monthlyPayment: number;
  /** 分期部分还款合计 = monthlyPayment × periods. */
  totalPaid: number;
  /** 手续费合计 = totalPaid − principal. */
  totalFees: number;
  /** 首付 + 分期还款合计: everything paid for the phone. */
  totalCost: number;
  /** 名义年利率 = 月费率 × 12. */
  nominalAnnualRate: number;
  /** Monthly IRR r. */
  monthlyRate: number;
  /** 实际年化利率 (IRR method) = 12 × r. */
  apr: number;
  /** Compounded annual rate (1 + r)^12 − 1. */
  effectiveAnnualRate: number;
}

/** Payments above principal/n by less than this (yuan) count as no fee at all. */
const FEN_EPSILON = 1e-9;

/** Builds the plan from validated numbers. The payment must cover the principal. */
function buildPlan(mode: InstallmentPlan['mode'], price: number, downPayment: number, periods: number, monthlyPayment: number): InstallmentPlan {
  const principal = price - downPayment;
  const totalPaid = monthlyPayment * periods;
  const rawFees = totalPaid - principal;
  const totalFees = Math.abs(rawFees) < FEN_EPSILON ? 0 : rawFees;
  const monthlyFeeRate = totalFees / periods / principal;
  const monthlyRate = totalFees === 0 ? 0 : (solveMonthlyRate([principal, ...Array<number>(periods).fill(-monthlyPayment)]) ?? 0);
  return {
    mode,
    price,
    downPayment,
    principal,
    periods,
    monthlyFeeRate,
    monthlyPayment,
    totalPaid,
    totalFees,
    totalCost: downPayment + totalPaid,
    nominalAnnualRate: monthlyFeeRate * 12,
    monthlyRate,
    ...annualRates(monthlyRate),
  };
}

/**
 * An installment plan from a price, a down payment, a number of periods and either the
 * monthly fee rate or the monthly payment. Errors name the field and say what to fix.
 */
export function installmentPlan(input: InstallmentInput): Result<InstallmentPlan, InstallmentField> {
  const fields = new FieldReader<InstallmentField>();
  const price = fields.read('price', input.price, { label: '商品价格', unit: '元', minInclusive: false, example: '6000' });
  const downPayment = fields.read('downPayment', input.downPayment, { label: '首付', unit: '元', emptyAs: 0, example: '0' });
  const periods = fields.read('periods', input.periods, { label: '分期期数', unit: '期', min: 1, max: MAX_PERIODS, integer: true, example: '12' });
  const feeRate =
    input.mode === 'feeRate'
      ? fields.read('feeRate', input.feeRate, { label: '月费率', unit: '%', max: MAX_FEE_RATE_PERCENT, example: '0.6' })
      : 0;
  const monthlyPayment =
    input.mode === 'payment'
      ? fields.read('monthlyPayment', input.monthlyPayment, { label: '每期还款额', unit: '元', minInclusive: false, example: '536' })
      : 0;
  if (fields.errors.length === 0 && downPayment >= price) {
    fields.fail('downPayment', '首付必须低于商品价格：首付等于或超过价格时，不需要分期。');
  }
  if (fields.errors.length > 0) return fields.failure();

  const principal = price - downPayment;
  if (input.mode === 'feeRate') {
    const rate = feeRate / 100;
    return { ok: true, value: buildPlan('feeRate', price, downPayment, periods, principal / periods + principal * rate) };
  }
  if (monthlyPayment * periods < principal - FEN_EPSILON) {
    fields.fail(
      'monthlyPayment',
      `每期 ${formatCNY(monthlyPayment)} × ${periods} 期 = ${formatCNY(monthlyPayment * periods)}，不够还清分期本金 ${formatCNY(principal)}：请核对每期还款额和期数。`,
    );
    return fields.failure();
  }
  return { ok: true, value: buildPlan('payment', price, downPayment, periods, monthlyPayment) };
}

/** One row of a side-by-side comparison: the plan for that many periods, or why not. */
export interface PeriodComparisonRow {
  periods: number;
  plan: Result<InstallmentPlan, InstallmentField>;
}

/** Period counts shown side by side by default. */
export const DEFAULT_COMPARE_PERIODS: readonly number[] = [3, 6, 12, 24];

/**
 * The same price, down payment and monthly fee rate over several period counts
 * (3 / 6 / 12 / 24 期 by default), sorted, duplicates removed.
 */
export function comparePeriods(
  input: Omit<InstallmentBase, 'periods'> & { feeRate: NumericInput },
  periodCounts: readonly number[] = DEFAULT_COMPARE_PERIODS,
): PeriodComparisonRow[] {
  const counts = [...new Set(periodCounts)].sort((a, b) => a - b);
  return counts.map((periods) => ({ periods, plan: installmentPlan({ ...input, periods, mode: 'feeRate' }) }));
}

// ---------------------------------------------------------------------------
// Lease versus buy

export type LeaseField = 'retailPrice' | 'buyTotal' | 'monthlyRent' | 'months' | 'deposit' | 'buyoutPrice';

export interface LeaseInput {
  /** 手机售价 (one-off cash price), yuan: what the phone is worth when you get it. */
  retailPrice: NumericInput;
  /** 购买总花费 if you would buy in installments (e.g. the installment total); empty means the retail price. */
  buyTotal?: NumericInput;
  /** 月租金, yuan, paid at the start of each month, the first one on signing. */
  monthlyRent: NumericInput;
  /** 租期, months. */
  months: NumericInput;
  /** 押金, yuan, refunded at the end; empty means 0. */
  deposit?: NumericInput;
  /** 到期买断价, yuan, paid at the end of the last month; empty means 0. */
  buyoutPrice?: NumericInput;
}

export type LeaseRateStatus =
  /** The lease costs more than the phone: a positive financing rate. */
  | 'costlier'
  /** Same total as the cash price: 0%. */
  | 'equal'
  /** The lease costs less than the phone: the implied rate is negative. */
  | 'cheaper'
  /** The flows are not a loan (e.g. the first rent already covers the price); no rate. */
  | 'none';

export interface LeaseComparison {
  retailPrice: number;
  monthlyRent: number;
  months: number;
  deposit: number;
  buyoutPrice: number;
  /** 租金合计 = monthlyRent × months. */
  rentTotal: number;
  /** 租机再买断总花费 = rentTotal + buyoutPrice (deposit excluded: it comes back). */
  leaseTotal: number;
  /** 直接购买总花费: the buy total given, else the retail price. */
  buyTotal: number;
  /** leaseTotal − buyTotal: positive means leasing costs more. */
  difference: number;
  /** 签约时要付 = first month's rent + deposit. */
  dueAtSigning: number;
  rateStatus: LeaseRateStatus;
  /** Monthly IRR of the lease treated as borrowing the retail price; null when rateStatus is 'none'. */
  monthlyRate: number | null;
  /** 隐含年化利率 = 12 × monthlyRate. */
  apr: number | null;
  effectiveAnnualRate: number | null;
}

/**
 * The cash flows of a lease seen as a loan, from the lessee's side, month by month:
 * t = 0 receive the phone (+retail price) and pay the first rent; t = 1 … months−1 pay
 * rent (rent is paid at the start of each month); t = months pay the buyout price.
 * The deposit is left out: it is refunded at the end, and the interest it could have
 * earned meanwhile (its opportunity cost) is ignored.
 */
export function leaseCashFlows(retailPrice: number, monthlyRent: number, months: number, buyoutPrice: number): number[] {
  const flows = Array<number>(months + 1).fill(-monthlyRent);
  flows[0] = retailPrice - monthlyRent;
  flows[months] = -buyoutPrice;
  return flows;
}

/**
 * Lease-then-buy-out versus buying: both totals, the difference, and the annual rate the
 * lease implies when it is treated as borrowing the phone's retail price (see
 * leaseCashFlows for the timing convention). =RATE(months, −rent, retail, −buyout, 1)×12.
 */
export function leaseVsBuy(input: LeaseInput): Result<LeaseComparison, LeaseField> {
  const fields = new FieldReader<LeaseField>();
  const retailPrice = fields.read('retailPrice', input.retailPrice, { label: '手机售价', unit: '元', minInclusive: false, example: '6000' });
  // Empty means "compare with the retail price".
  const buyTotalGiven = isEmpty(input.buyTotal)
    ? undefined
    : fields.read('buyTotal', input.buyTotal, { label: '购买总花费', unit: '元', minInclusive: false, example: '6432' });
  const monthlyRent = fields.read('monthlyRent', input.monthlyRent, { label: '月租金', unit: '元', example: '300' });
  const months = fields.read('months', input.months, { label: '租期', unit: '个月', min: 1, max: MAX_PERIODS, integer: true, example: '12' });
  const deposit = fields.read('deposit', input.deposit, { label: '押金', unit: '元', emptyAs: 0, example: '1000' });
  const buyoutPrice = fields.read('buyoutPrice', input.buyoutPrice, { label: '到期买断价', unit: '元', emptyAs: 0, example: '3000' });
  if (fields.errors.length > 0) return fields.failure();

  const rentTotal = monthlyRent * months;
  const leaseTotal = rentTotal + buyoutPrice;
  const buyTotal = buyTotalGiven ?? retailPrice;
  const monthlyRate = solveMonthlyRate(leaseCashFlows(retailPrice, monthlyRent, months, buyoutPrice)) ?? null;
  let rateStatus: LeaseRateStatus = 'none';
  let rate = monthlyRate;
  if (rate !== null) {
    const gap = leaseTotal - retailPrice;
    // Exactly the cash price back: exactly 0%, not a solver's 1e-16.
    if (Math.abs(gap) < FEN_EPSILON) rate = 0;
    rateStatus = rate === 0 ? 'equal' : gap > 0 ? 'costlier' : 'cheaper';
  }
  const rates = rate === null ? null : annualRates(rate);
  return {
    ok: true,
    value: {
      retailPrice,
      monthlyRent,
      months,
      deposit,
      buyoutPrice,
      rentTotal,
      leaseTotal,
      buyTotal,
      difference: leaseTotal - buyTotal,
      dueAtSigning: monthlyRent + deposit,
      rateStatus,
      monthlyRate: rate,
      apr: rates?.apr ?? null,
      effectiveAnnualRate: rates?.effectiveAnnualRate ?? null,
    },
  };
}

// ---------------------------------------------------------------------------
// Formatting (zh-CN)

const CNY = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('zh-CN', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Shown instead of a number that cannot be computed. */
export const NOT_AVAILABLE = '—';

/** Rounds to `digits` decimals, turning −0 into 0 so nothing prints as "-¥0.00". */
function tidy(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** ¥6,000.00 — yuan to the fen with thousands separators; — for a non-finite value. */
export function formatCNY(value: number): string {
  return Number.isFinite(value) ? CNY.format(tidy(value, 2)) : NOT_AVAILABLE;
}

/** 13.03% — a fraction as a percentage with 2 decimals; — for null or a non-finite value. */
export function formatPercent(value: number | null): string {
  return value !== null && Number.isFinite(value) ? PERCENT.format(tidy(value, 4)) : NOT_AVAILABLE;
}

/** The worked formula for the monthly payment, e.g. 每期还款 = ¥6,000.00 ÷ 12 + ¥6,000.00 × 0.60% = ¥536.00. */
export function installmentFormula(plan: InstallmentPlan): string {
  const p = formatCNY(plan.principal);
  if (plan.mode === 'feeRate') {
    return `每期还款 = 本金 ${p} ÷ ${plan.periods} 期 + 本金 ${p} × 月费率 ${formatPercent(plan.monthlyFeeRate)} = ${formatCNY(plan.monthlyPayment)}`;
  }
  return `相当于月费率 = (每期 ${formatCNY(plan.monthlyPayment)} − 本金 ${p} ÷ ${plan.periods} 期) ÷ 本金 ${p} = ${formatPercent(plan.monthlyFeeRate)}`;
}

/** The worked formula for the lease total, e.g. 租机总花费 = ¥300.00 × 12 个月 + 买断 ¥3,000.00 = ¥6,600.00. */
export function leaseFormula(lease: LeaseComparison): string {
  return `租机总花费 = 月租 ${formatCNY(lease.monthlyRent)} × ${lease.months} 个月 + 买断价 ${formatCNY(lease.buyoutPrice)} = ${formatCNY(lease.leaseTotal)}`;
}

/** One plain sentence on what the lease's implied rate means. */
export function leaseVerdict(lease: LeaseComparison): string {
  const gap = formatCNY(Math.abs(lease.difference));
  const versus = lease.buyTotal === lease.retailPrice ? '直接买' : '按你填的方式购买';
  const totals =
    Math.abs(lease.difference) < 0.005
      ? `租机再买断和${versus}花的钱一样多。`
      : lease.difference > 0
        ? `租机再买断比${versus}多花 ${gap}。`
        : `租机再买断比${versus}少花 ${gap}。`;
  switch (lease.rateStatus) {
    case 'costlier':
      return `${totals}把租机看作借钱买手机，相当于年化 ${formatPercent(lease.apr)} 的借款。`;
    case 'equal':
      return `${totals}租金加买断价正好等于售价，相当于年化 0% 的借款。`;
    case 'cheaper':
      return `${totals}租金加买断价低于售价，隐含年化为负（${formatPercent(lease.apr)}），说明没有借钱成本；请再确认有没有漏算服务费、保险、碎屏险等费用。`;
    case 'none':
      return `${totals}这份租约的付款方式不构成借款（例如首月租金已不低于售价，或到期前后都不用再付钱），无法换算年化利率。`;
  }
}
