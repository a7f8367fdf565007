/**
 * The calculators' arithmetic against reference values computed independently: a plain
 * bisection of the NPV in Python (300 halvings of [−99%, 100%] per month, no Newton
 * steps), and the closed-form spreadsheet formula each value corresponds to. RATE's
 * arguments are RATE(nper, pmt, pv, [fv], [type]); type = 1 means payments at the start
 * of each period.
 */
import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  formatCNY,
  formatPercent,
  installmentFormula,
  installmentPlan,
  leaseCashFlows,
  leaseVerdict,
  leaseVsBuy,
  parseNumber,
  solveMonthlyRate,
  type InstallmentPlan,
  type LeaseComparison,
  type Result,
} from '../../src/lib/finance.ts';

/** The value of an ok result; fails the test with the messages otherwise. */
function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a result, got: ${result.message}`);
  return result.value;
}

/** The error messages of a failed result, by field. */
function errorsOf<T>(result: Result<T>): Record<string, string> {
  if (result.ok) throw new Error('expected an error result');
  expect(result.message).not.toBe('');
  return Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
}

/** Every number anywhere in the value is finite: no NaN, no Infinity. */
function expectAllFinite(value: unknown): void {
  for (const v of Object.values(value as Record<string, unknown>)) {
    if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  }
}

const BAD_TEXT = /NaN|Infinity|undefined/;

describe('installmentPlan with a monthly fee rate', () => {
  it('6000 元, 12 期, 0.6%: 536 元/期, fees 432, nominal 7.2%, APR ≈ 13.03%', () => {
    const plan = ok(installmentPlan({ price: 6000, periods: 12, mode: 'feeRate', feeRate: 0.6 }));
    // 6000/12 + 6000*0.6% = 500 + 36
    expect(plan.monthlyPayment).toBeCloseTo(536, 10);
    // 536*12
    expect(plan.totalPaid).toBeCloseTo(6432, 10);
    // 6432 - 6000 = 36*12
    expect(plan.totalFees).toBeCloseTo(432, 10);
    // 0.6%*12
    expect(plan.nominalAnnualRate).toBeCloseTo(0.072, 12);
    // =RATE(12,-536,6000) → 1.0862% per month (bisection: 0.010861853567590063)
    expect(plan.monthlyRate).toBeCloseTo(0.010861853567590063, 12);
    // =RATE(12,-536,6000)*12 → 13.03% (0.13034224281108076)
    expect(plan.apr).toBeCloseTo(0.13034224281108076, 10);
    // =(1+RATE(12,-536,6000))^12-1 → 13.84% (0.13841785066390355)
    expect(plan.effectiveAnnualRate).toBeCloseTo(0.13841785066390355, 10);
    expect(formatCNY(plan.monthlyPayment)).toBe('¥536.00');
    expect(formatPercent(plan.apr)).toBe('13.03%');
    expect(formatPercent(plan.nominalAnnualRate)).toBe('7.20%');
    expect(installmentFormula(plan)).toBe('每期还款 = 本金 ¥6,000.00 ÷ 12 期 + 本金 ¥6,000.00 × 月费率 0.60% = ¥536.00');
  });

  it('takes the down payment off the principal: 8000 − 2000 over 12 期 is the 6000 case', () => {
    const plan = ok(installmentPlan({ price: '8000', downPayment: '2000', periods: '12', mode: 'feeRate', feeRate: '0.6' }));
    expect(plan.principal).toBe(6000);
    expect(plan.monthlyPayment).toBeCloseTo(536, 10);
    // 2000 + 536*12
    expect(plan.totalCost).toBeCloseTo(8432, 10);
    // =RATE(12,-536,6000)*12 → 13.03%
    expect(plan.apr).toBeCloseTo(0.13034224281108076, 10);
  });

  it('zero fee: 500 元/期 and 0% everywhere', () => {
    const plan = ok(installmentPlan({ price: 6000, periods: 12, mode: 'feeRate', feeRate: 0 }));
    expect(plan.monthlyPayment).toBe(500);
    expect(plan.totalFees).toBe(0);
    // =RATE(12,-500,6000)*12 → 0.00%
    expect(plan.apr).toBe(0);
    expect(plan.effectiveAnnualRate).toBe(0);
    expect(formatPercent(plan.apr)).toBe('0.00%');
  });

  it('one period: the monthly IRR is the fee rate itself', () => {
    const plan = ok(installmentPlan({ price: 6000, periods: 1, mode: 'feeRate', feeRate: 0.6 }));
    expect(plan.monthlyPayment).toBeCloseTo(6036, 10);
    // =RATE(1,-6036,6000)*12 = (6036/6000-1)*12 → 7.20%
    expect(plan.apr).toBeCloseTo(0.072, 12);
    // =(6036/6000)^12-1 → 7.44% (0.0744241677219275)
    expect(plan.effectiveAnnualRate).toBeCloseTo(0.0744241677219275, 10);
  });

  it('36 periods: 202.67 元/期, APR ≈ 13.17%', () => {
    const plan = ok(installmentPlan({ price: 6000, periods: 36, mode: 'feeRate', feeRate: 0.6 }));
    // 6000/36 + 36 = 202.666…
    expect(plan.monthlyPayment).toBeCloseTo(202.66666666666666, 10);
    // 36*36
    expect(plan.totalFees).toBeCloseTo(1296, 9);
    // =RATE(36,-(6000/36+36),6000)*12 → 13.17% (0.1317390763670816)
    expect(plan.apr).toBeCloseTo(0.1317390763670816, 10);
    expect(formatCNY(plan.monthlyPayment)).toBe('¥202.67');
    expect(formatPercent(plan.apr)).toBe('13.17%');
  });

  it('accepts numbers the way people type them', () => {
    const plan = ok(installmentPlan({ price: '¥6,000元', periods: '１２期', mode: 'feeRate', feeRate: '0.6%' }));
    expect(plan.monthlyPayment).toBeCloseTo(536, 10);
    expect(parseNumber(' 3,999.50 ')).toBe(3999.5);
    expect(parseNumber('1e3')).toBeUndefined();
    expect(parseNumber('6000abc')).toBeUndefined();
    expect(parseNumber(Number.NaN)).toBeUndefined();
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('installmentPlan with a given monthly payment', () => {
  it('536 元 × 12 for 6000 元 implies 0.6% a month and APR ≈ 13.03%', () => {
    const plan = ok(installmentPlan({ price: 6000, periods: 12, mode: 'payment', monthlyPayment: 536 }));
    // (536 - 6000/12) / 6000
    expect(plan.monthlyFeeRate).toBeCloseTo(0.006, 12);
    expect(plan.nominalAnnualRate).toBeCloseTo(0.072, 12);
    expect(plan.totalFees).toBeCloseTo(432, 10);
    // =RATE(12,-536,6000)*12 → 13.03%
    expect(plan.apr).toBeCloseTo(0.13034224281108076, 10);
    expect(installmentFormula(plan)).toBe('相当于月费率 = (每期 ¥536.00 − 本金 ¥6,000.00 ÷ 12 期) ÷ 本金 ¥6,000.00 = 0.60%');
  });

  it('450 元 × 12 for 5000 元: APR ≈ 14.45%', () => {
    const plan = ok(installmentPlan({ price: 5000, periods: 12, mode: 'payment', monthlyPayment: 450 }));
    // =RATE(12,-450,5000)*12 → 14.45% (0.14452148137702592)
    expect(plan.apr).toBeCloseTo(0.14452148137702592, 10);
    // =(1+RATE(12,-450,5000))^12-1 → 15.45% (0.15448936399925084)
    expect(plan.effectiveAnnualRate).toBeCloseTo(0.15448936399925084, 10);
  });

  it('a payment that exactly repays the principal is interest-free', () => {
    const plan = ok(installmentPlan({ price: 6000, periods: 12, mode: 'payment', monthlyPayment: 500 }));
    expect(plan.totalFees).toBe(0);
    expect(plan.apr).toBe(0);
  });

  it('a payment that cannot repay the principal is an error on that field', () => {
    const errors = errorsOf(installmentPlan({ price: 6000, periods: 12, mode: 'payment', monthlyPayment: 400 }));
    expect(errors.monthlyPayment).toBe('每期 ¥400.00 × 12 期 = ¥4,800.00，不够还清分期本金 ¥6,000.00：请核对每期还款额和期数。');
  });
});

describe('installmentPlan with invalid or empty input', () => {
  it('says what is missing for empty fields, never NaN', () => {
    const result = installmentPlan({ price: '', periods: '', mode: 'feeRate', feeRate: '' });
    const errors = errorsOf(result);
    expect(errors).toEqual({ price: '请填写商品价格。', periods: '请填写分期期数。', feeRate: '请填写月费率。' });
    expect(JSON.stringify(result)).not.toMatch(BAD_TEXT);
  });

  it('treats null and undefined as empty', () => {
    const errors = errorsOf(installmentPlan({ price: null, periods: undefined, mode: 'payment', monthlyPayment: undefined }));
    expect(errors).toEqual({ price: '请填写商品价格。', periods: '请填写分期期数。', monthlyPayment: '请填写每期还款额。' });
  });

  it('rejects text, negative numbers, NaN and Infinity', () => {
    expect(errorsOf(installmentPlan({ price: 'abc', periods: 12, mode: 'feeRate', feeRate: 0.6 })).price).toBe('商品价格必须是数字，例如 6000。');
    expect(errorsOf(installmentPlan({ price: -6000, periods: 12, mode: 'feeRate', feeRate: 0.6 })).price).toBe('商品价格不能是负数。');
    expect(errorsOf(installmentPlan({ price: 6000, periods: 12, mode: 'feeRate', feeRate: -0.6 })).feeRate).toBe('月费率不能是负数。');
    expect(errorsOf(installmentPlan({ price: Number.NaN, periods: 12, mode: 'feeRate', feeRate: 0.6 })).price).toBe('商品价格必须是数字，例如 6000。');
    expect(errorsOf(installmentPlan({ price: 6000, periods: Number.POSITIVE_INFINITY, mode: 'feeRate', feeRate: 0.6 })).periods).toBe(
      '分期期数必须是数字，例如 12。',
    );
    expect(errorsOf(installmentPlan({ price: 0, periods: 12, mode: 'feeRate', feeRate: 0.6 })).price).toBe('商品价格必须大于 0。');
  });

  it('rejects zero, fractional and absurd period counts', () => {
    expect(errorsOf(installmentPlan({ price: 6000, periods: 0, mode: 'feeRate', feeRate: 0.6 })).periods).toBe('分期期数至少为 1 期。');
    expect(errorsOf(installmentPlan({ price: 6000, periods: 1.5, mode: 'feeRate', feeRate: 0.6 })).periods).toBe('分期期数必须是整数。');
    expect(errorsOf(installmentPlan({ price: 6000, periods: 121, mode: 'feeRate', feeRate: 0.6 })).periods).toBe('分期期数不能超过 120 期。');
  });

  it('rejects a down payment that leaves nothing to finance', () => {
    const equal = errorsOf(installmentPlan({ price: 6000, downPayment: 6000, periods: 12, mode: 'feeRate', feeRate: 0.6 }));
    expect(equal.downPayment).toBe('首付必须低于商品价格：首付等于或超过价格时，不需要分期。');
    const more = errorsOf(installmentPlan({ price: 6000, downPayment: 7000, periods: 12, mode: 'feeRate', feeRate: 0.6 }));
    expect(more.downPayment).toMatch(/首付必须低于商品价格/);
  });

  it('returns only finite numbers for extreme but valid input', () => {
    const plan = ok(installmentPlan({ price: 100_000_000, periods: 120, mode: 'feeRate', feeRate: 100 }));
    expectAllFinite(plan);
    const tiny = ok(installmentPlan({ price: 0.01, periods: 120, mode: 'feeRate', feeRate: 0.01 }));
    expectAllFinite(tiny);
  });
});

describe('comparePeriods', () => {
  it('3 / 6 / 12 / 24 期 at 0.6% for 6000 元', () => {
    const rows = comparePeriods({ price: 6000, feeRate: 0.6 }, [24, 12, 6, 3, 12]);
    expect(rows.map((r) => r.periods)).toEqual([3, 6, 12, 24]);
    const plans = rows.map((r) => ok(r.plan) as InstallmentPlan);
    expect(plans.map((p) => p.monthlyPayment)).toEqual([2036, 1036, 536, 286]);
    expect(plans.map((p) => p.totalFees)).toEqual([108, 216, 432, 864]);
    // =RATE(3,-2036,6000)*12 → 10.77%; =RATE(6,-1036,6000)*12 → 12.24%;
    // =RATE(12,-536,6000)*12 → 13.03%; =RATE(24,-286,6000)*12 → 13.27%
    const expected = [0.10767936170446157, 0.12239361510015767, 0.13034224281108076, 0.13265588184606125];
    plans.forEach((p, i) => expect(p.apr).toBeCloseTo(expected[i] ?? Number.NaN, 10));
    // The nominal rate is the same 7.2% for every period count.
    plans.forEach((p) => expect(p.nominalAnnualRate).toBeCloseTo(0.072, 12));
  });

  it('reports an invalid input on every row', () => {
    const rows = comparePeriods({ price: '', feeRate: 0.6 });
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(errorsOf(row.plan).price).toBe('请填写商品价格。');
  });
});

describe('leaseVsBuy', () => {
  it('costs more than buying: 300 × 12 + 3000 against 6000 元', () => {
    const lease: LeaseComparison = ok(leaseVsBuy({ retailPrice: 6000, monthlyRent: 300, months: 12, deposit: 1000, buyoutPrice: 3000 }));
    // 300*12 + 3000
    expect(lease.leaseTotal).toBe(6600);
    expect(lease.buyTotal).toBe(6000);
    expect(lease.difference).toBe(600);
    // first rent + deposit
    expect(lease.dueAtSigning).toBe(1300);
    expect(lease.rateStatus).toBe('costlier');
    // =RATE(12,-300,6000,-3000,1)*12 → 13.76% (0.1376472702308571)
    expect(lease.apr ?? Number.NaN).toBeCloseTo(0.1376472702308571, 10);
    // =(1+RATE(12,-300,6000,-3000,1))^12-1 → 14.67% (0.14667196912797653)
    expect(lease.effectiveAnnualRate ?? Number.NaN).toBeCloseTo(0.14667196912797653, 10);
    expect(leaseVerdict(lease)).toBe('租机再买断比直接买多花 ¥600.00。把租机看作借钱买手机，相当于年化 13.76% 的借款。');
  });

  it('uses rent at the start of each month and the buyout at the end', () => {
    expect(leaseCashFlows(6000, 300, 3, 3000)).toEqual([5700, -300, -300, -3000]);
    // One month: receive 6000, pay 300 now and 5800 a month later:
    // =RATE(1,-300,6000,-5800,1)*12 = (5800/5700-1)*12 → 21.05%
    const lease = ok(leaseVsBuy({ retailPrice: 6000, monthlyRent: 300, months: 1, buyoutPrice: 5800 }));
    expect(lease.apr ?? Number.NaN).toBeCloseTo((5800 / 5700 - 1) * 12, 12);
  });

  it('is cheaper than buying: 200 × 12 + 3000 < 6000, a negative implied rate', () => {
    const lease = ok(leaseVsBuy({ retailPrice: 6000, monthlyRent: 200, months: 12, buyoutPrice: 3000 }));
    expect(lease.leaseTotal).toBe(5400);
    expect(lease.difference).toBe(-600);
    expect(lease.rateStatus).toBe('cheaper');
    // =RATE(12,-200,6000,-3000,1)*12 → -13.66% (-0.1366465012332283)
    expect(lease.apr ?? Number.NaN).toBeCloseTo(-0.1366465012332283, 10);
    expect(leaseVerdict(lease)).toMatch(/^租机再买断比直接买少花 ¥600\.00。.*隐含年化为负（-13\.66%）/);
  });

  it('costs exactly the retail price: 0%', () => {
    const lease = ok(leaseVsBuy({ retailPrice: 6000, monthlyRent: 250, months: 12, buyoutPrice: 3000 }));
    // =RATE(12,-250,6000,-3000,1)*12 → 0.00%
    expect(lease.apr).toBe(0);
    expect(lease.rateStatus).toBe('equal');
    expect(formatPercent(lease.apr)).toBe('0.00%');
  });

  it('a 24-month lease with no buyout (租满即送)', () => {
    const lease = ok(leaseVsBuy({ retailPrice: 6999, monthlyRent: 399, months: 24 }));
    expect(lease.leaseTotal).toBe(9576);
    // =RATE(24,-399,6999,0,1)*12 → 35.32% (0.35316932438633986)
    expect(lease.apr ?? Number.NaN).toBeCloseTo(0.35316932438633986, 10);
  });

  it('compares with an installment total when one is given; the rate stays against the cash price', () => {
    const lease = ok(leaseVsBuy({ retailPrice: 6000, buyTotal: 6432, monthlyRent: 300, months: 12, buyoutPrice: 3000 }));
    expect(lease.buyTotal).toBe(6432);
    expect(lease.difference).toBe(168);
    // =RATE(12,-300,6000,-3000,1)*12 → 13.76%
    expect(lease.apr ?? Number.NaN).toBeCloseTo(0.1376472702308571, 10);
    expect(leaseVerdict(lease)).toMatch(/^租机再买断比按你填的方式购买多花 ¥168\.00。/);
  });

  it('gives no rate, not NaN, when the payments are not a loan', () => {
    // The first rent already covers the phone.
    const upfront = ok(leaseVsBuy({ retailPrice: 3000, monthlyRent: 3000, months: 6, buyoutPrice: 100 }));
    expect(upfront.rateStatus).toBe('none');
    expect(upfront.apr).toBeNull();
    expect(formatPercent(upfront.apr)).toBe('—');
    // Nothing to pay after signing.
    const nothingLater = ok(leaseVsBuy({ retailPrice: 6000, monthlyRent: 500, months: 1, buyoutPrice: 0 }));
    expect(nothingLater.rateStatus).toBe('none');
    expect(JSON.stringify([upfront, nothingLater])).not.toMatch(BAD_TEXT);
    expect(leaseVerdict(upfront)).not.toMatch(BAD_TEXT);
  });

  it('says what is wrong with invalid and empty input', () => {
    const result = leaseVsBuy({ retailPrice: '', monthlyRent: 'abc', months: 0, deposit: -1, buyoutPrice: '' });
    expect(errorsOf(result)).toEqual({
      retailPrice: '请填写手机售价。',
      monthlyRent: '月租金必须是数字，例如 300。',
      months: '租期至少为 1 个月。',
      deposit: '押金不能是负数。',
    });
    expect(JSON.stringify(result)).not.toMatch(BAD_TEXT);
    expect(errorsOf(leaseVsBuy({ retailPrice: 6000, monthlyRent: 300, months: 2.5 })).months).toBe('租期必须是整数。');
  });
});

describe('solveMonthlyRate', () => {
  it('matches the bisection reference and is deterministic', () => {
    const flows = [6000, ...Array<number>(12).fill(-536)];
    const first = solveMonthlyRate(flows);
    expect(first).toBeCloseTo(0.010861853567590063, 13);
    expect(solveMonthlyRate(flows)).toBe(first);
  });

  it('refuses flows that are not a loan', () => {
    expect(solveMonthlyRate([])).toBeUndefined();
    expect(solveMonthlyRate([6000])).toBeUndefined();
    expect(solveMonthlyRate([-6000, 536])).toBeUndefined();
    expect(solveMonthlyRate([6000, 0, 0])).toBeUndefined();
    expect(solveMonthlyRate([6000, -100, 50, -6000])).toBeUndefined();
    expect(solveMonthlyRate([6000, Number.NaN])).toBeUndefined();
  });

  it('stays finite for extreme rates in both directions', () => {
    const high = solveMonthlyRate([1, ...Array<number>(120).fill(-1e8)]);
    expect(Number.isFinite(high)).toBe(true);
    const low = solveMonthlyRate([1e8, ...Array<number>(119).fill(0), -0.01]);
    expect(Number.isFinite(low)).toBe(true);
    expect(low).toBeGreaterThan(-1);
  });
});

describe('formatting', () => {
  it('formats yuan for zh-CN', () => {
    expect(formatCNY(6000)).toBe('¥6,000.00');
    expect(formatCNY(1234567.891)).toBe('¥1,234,567.89');
    expect(formatCNY(-600)).toBe('-¥600.00');
    expect(formatCNY(-0.001)).toBe('¥0.00');
    expect(formatCNY(Number.NaN)).toBe('—');
    expect(formatCNY(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('formats percentages with 2 decimals', () => {
    expect(formatPercent(0.13034224281108076)).toBe('13.03%');
    expect(formatPercent(0.072)).toBe('7.20%');
    expect(formatPercent(-0.00001)).toBe('0.00%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});
