/**
 * The calculators' island: wires every `[data-calculator]` on the page (any number of
 * instances, each independent), recomputes a short moment after each keystroke and shows
 * either the results or the problems, tied to their fields.
 *
 * The view functions (installmentView, leaseView) are pure: the components also run them
 * at build time to render the worked example readers see without JavaScript, so the page
 * shows exactly the same text before and after the script runs. Every number shown goes
 * through formatCNY / formatPercent from ../lib/finance.ts, which never print NaN or
 * Infinity.
 */
import {
  comparePeriods,
  DEFAULT_COMPARE_PERIODS,
  formatCNY,
  formatPercent,
  installmentFormula,
  installmentPlan,
  leaseFormula,
  leaseVerdict,
  leaseVsBuy,
  NOT_AVAILABLE,
  type FieldError,
  type InstallmentField,
  type LeaseField,
} from '../lib/finance.ts';

/** What one calculator shows for one set of inputs. */
export interface CalculatorView<F extends string> {
  ok: boolean;
  /** Text for each `[data-out=key]` element. */
  outputs: Record<string, string>;
  /** Problems, tied to their fields. */
  errors: FieldError<F>[];
  /** The problem summary in the results area (empty when ok). */
  problem: string;
}

/** One row of the period comparison table. */
export interface CompareRow {
  periods: number;
  monthlyPayment: string;
  totalFees: string;
  apr: string;
  /** The period count chosen in the form. */
  current: boolean;
}

export interface InstallmentView extends CalculatorView<InstallmentField> {
  rows: CompareRow[];
  /**
   * The same plan in the other mode's terms, as plain numbers for the inputs: the monthly
   * fee rate in percent (4 decimals) and the monthly payment (to the fen). Empty when
   * there is no plan.
   */
  equivalents: { feeRate: string; monthlyPayment: string };
}

/** The installment form's fields as text, as a form submits them. */
export interface InstallmentValues {
  price: string;
  downPayment: string;
  periods: string;
  mode: string;
  feeRate: string;
  monthlyPayment: string;
}

/** The lease form's fields as text. */
export type LeaseValues = Record<LeaseField, string>;

const PROBLEM_PREFIX = '请先改正上面标出的输入：';

/** Results, summary and comparison rows for the installment calculator. */
export function installmentView(values: InstallmentValues, comparePeriodCounts: readonly number[] = DEFAULT_COMPARE_PERIODS): InstallmentView {
  const input =
    values.mode === 'payment'
      ? ({ ...values, mode: 'payment' } as const)
      : ({ ...values, mode: 'feeRate' } as const);
  const result = installmentPlan(input);
  if (!result.ok) {
    return { ok: false, outputs: {}, errors: result.errors, problem: PROBLEM_PREFIX + result.message, rows: [], equivalents: { feeRate: '', monthlyPayment: '' } };
  }

  const plan = result.value;
  const given = plan.mode === 'feeRate' ? `月费率 ${formatPercent(plan.monthlyFeeRate)}` : `每期还款 ${formatCNY(plan.monthlyPayment)}`;
  const rows = comparePeriods(
    { price: plan.price, downPayment: plan.downPayment, feeRate: plan.monthlyFeeRate * 100 },
    [...comparePeriodCounts, plan.periods],
  ).flatMap(({ periods, plan: row }) =>
    row.ok
      ? [
          {
            periods,
            monthlyPayment: formatCNY(row.value.monthlyPayment),
            totalFees: formatCNY(row.value.totalFees),
            apr: formatPercent(row.value.apr),
            current: periods === plan.periods,
          },
        ]
      : [],
  );
  return {
    ok: true,
    errors: [],
    problem: '',
    rows,
    equivalents: {
      feeRate: String(Math.round(plan.monthlyFeeRate * 100 * 10_000) / 10_000),
      monthlyPayment: String(Math.round(plan.monthlyPayment * 100) / 100),
    },
    outputs: {
      summary: `商品价格 ${formatCNY(plan.price)}，首付 ${formatCNY(plan.downPayment)}，分 ${plan.periods} 期，${given}。`,
      monthlyPayment: formatCNY(plan.monthlyPayment),
      apr: formatPercent(plan.apr),
      principal: formatCNY(plan.principal),
      totalPaid: formatCNY(plan.totalPaid),
      totalFees: formatCNY(plan.totalFees),
      totalCost: formatCNY(plan.totalCost),
      monthlyFeeRate: formatPercent(plan.monthlyFeeRate),
      nominalAnnualRate: formatPercent(plan.nominalAnnualRate),
      effectiveAnnualRate: formatPercent(plan.effectiveAnnualRate),
      formula: installmentFormula(plan),
      compareCaption: `同样的本金 ${formatCNY(plan.principal)}、同样的月费率 ${formatPercent(plan.monthlyFeeRate)}，分不同期数：`,
    },
  };
}

/** "多花 ¥600.00" / "少花 ¥600.00" / "一样多". */
export function differenceText(difference: number): string {
  if (Math.abs(difference) < 0.005) return '一样多';
  return `${difference > 0 ? '多花' : '少花'} ${formatCNY(Math.abs(difference))}`;
}

/** Results for the lease-versus-buy calculator. */
export function leaseView(values: LeaseValues): CalculatorView<LeaseField> {
  const result = leaseVsBuy(values);
  if (!result.ok) return { ok: false, outputs: {}, errors: result.errors, problem: PROBLEM_PREFIX + result.message };
  const lease = result.value;
  const byInstallments = lease.buyTotal !== lease.retailPrice;
  return {
    ok: true,
    errors: [],
    problem: '',
    outputs: {
      summary: `手机售价 ${formatCNY(lease.retailPrice)}；月租 ${formatCNY(lease.monthlyRent)}，租 ${lease.months} 个月，押金 ${formatCNY(lease.deposit)}，到期买断价 ${formatCNY(lease.buyoutPrice)}。`,
      leaseTotal: formatCNY(lease.leaseTotal),
      buyLabel: byInstallments ? '按你填的方式购买' : '直接购买',
      buyTotal: formatCNY(lease.buyTotal),
      difference: differenceText(lease.difference),
      apr: lease.apr === null ? '无法计算' : formatPercent(lease.apr),
      effectiveAnnualRate: formatPercent(lease.effectiveAnnualRate),
      rentTotal: formatCNY(lease.rentTotal),
      buyoutPrice: formatCNY(lease.buyoutPrice),
      dueAtSigning: formatCNY(lease.dueAtSigning),
      deposit: formatCNY(lease.deposit),
      formula: leaseFormula(lease),
      verdict: leaseVerdict(lease),
    },
  };
}

// ---------------------------------------------------------------------------
// DOM wiring

const DEBOUNCE_MS = 300;
/** Last line of defence: nothing that looks like a broken number reaches the page. */
const BROKEN = /NaN|Infinity|undefined/;

function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) values[name] = typeof value === 'string' ? value : '';
  return values;
}

function showOutputs(root: HTMLElement, outputs: Record<string, string>): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-out]')) {
    const text = outputs[el.dataset.out ?? ''];
    if (text !== undefined) el.textContent = BROKEN.test(text) ? NOT_AVAILABLE : text;
  }
}

function showView(root: HTMLElement, form: HTMLFormElement, view: CalculatorView<string>): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name]:not([type="radio"])')) {
    const error = view.errors.find((e) => e.field === input.name);
    if (error) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    const slot = root.querySelector<HTMLElement>(`[data-error-for="${input.name}"]`);
    if (slot) slot.textContent = error?.message ?? '';
  }
  const problem = root.querySelector<HTMLElement>('[data-problem]');
  if (problem) {
    problem.textContent = view.problem;
    problem.hidden = view.ok;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-when-ok]')) el.hidden = !view.ok;
  if (view.ok) showOutputs(root, view.outputs);
}

function showRows(root: HTMLElement, rows: CompareRow[]): void {
  const body = root.querySelector<HTMLTableSectionElement>('[data-compare-body]');
  if (!body) return;
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      if (row.current) tr.className = 'is-current';
      const head = document.createElement('th');
      head.scope = 'row';
      head.textContent = `${row.periods} 期`;
      if (row.current) {
        const mine = document.createElement('span');
        mine.className = 'calc__mine';
        mine.textContent = '你选的';
        head.append(mine);
      }
      tr.append(head);
      for (const text of [row.monthlyPayment, row.apr, row.totalFees]) {
        const td = document.createElement('td');
        td.textContent = BROKEN.test(text) ? NOT_AVAILABLE : text;
        tr.append(td);
      }
      return tr;
    }),
  );
}

/** Shows the input fields of the chosen mode (月费率 or 每期还款额) and hides the other. */
function showMode(root: HTMLElement, mode: string): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-mode-field]')) el.hidden = el.dataset.modeField !== mode;
}

function parseCounts(text: string | undefined): number[] {
  const counts = (text ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return counts.length ? counts : [...DEFAULT_COMPARE_PERIODS];
}

/** The last equivalents of each installment calculator, for switching modes. */
const equivalents = new WeakMap<HTMLElement, InstallmentView['equivalents']>();

/**
 * On a switch between 月费率 and 每期还款额, fills the newly shown field with the
 * current plan's equivalent value, so the results carry over instead of going blank.
 */
function carryOverMode(root: HTMLElement, form: HTMLFormElement, mode: 'feeRate' | 'payment'): void {
  const previous = root.dataset.mode;
  root.dataset.mode = mode;
  const known = equivalents.get(root);
  if (!previous || previous === mode || !known) return;
  const name = mode === 'payment' ? 'monthlyPayment' : 'feeRate';
  const input = form.elements.namedItem(name);
  if (input instanceof HTMLInputElement && known[name]) input.value = known[name];
}

function update(root: HTMLElement, form: HTMLFormElement): void {
  let values = formValues(form);
  const text = (name: string) => values[name] ?? '';
  if (root.dataset.calculator === 'installment') {
    const mode = text('mode') === 'payment' ? 'payment' : 'feeRate';
    showMode(root, mode);
    carryOverMode(root, form, mode);
    values = formValues(form);
    const view = installmentView(
      { price: text('price'), downPayment: text('downPayment'), periods: text('periods'), mode, feeRate: text('feeRate'), monthlyPayment: text('monthlyPayment') },
      parseCounts(root.dataset.compare),
    );
    showView(root, form, view);
    if (view.ok) {
      showRows(root, view.rows);
      equivalents.set(root, view.equivalents);
    }
  } else if (root.dataset.calculator === 'lease') {
    const view = leaseView({
      retailPrice: text('retailPrice'),
      buyTotal: text('buyTotal'),
      monthlyRent: text('monthlyRent'),
      months: text('months'),
      deposit: text('deposit'),
      buyoutPrice: text('buyoutPrice'),
    });
    showView(root, form, view);
  }
}

function wire(root: HTMLElement): void {
  const form = root.querySelector('form');
  if (!form) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => {
    clearTimeout(timer);
    update(root, form);
  };
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(now, DEBOUNCE_MS);
  });
  form.addEventListener('change', now);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    now();
  });
  root.dataset.ready = 'true';
  // The browser may have restored edited values (back button): show their results.
  now();
}

/** Wires every calculator in `scope` that is not wired yet. Safe to call repeatedly. */
export function initCalculators(scope: ParentNode = document): void {
  for (const root of scope.querySelectorAll<HTMLElement>('[data-calculator]:not([data-ready])')) wire(root);
}
