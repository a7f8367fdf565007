import { describe, expect, it } from 'vitest';
import { calculatorIds, headingTags, viewText } from '../../src/lib/calculator-markup.ts';
import { installmentView } from '../../src/scripts/calculators.ts';

describe('calculatorIds', () => {
  it('numbers the calculators of a page in order, unless the editor named one', () => {
    const locals = {};
    expect(calculatorIds(locals, undefined)('price')).toBe('calc-1-price');
    expect(calculatorIds(locals, 'lease-demo')('months')).toBe('lease-demo-months');
    expect(calculatorIds(locals, undefined)('title')).toBe('calc-3-title');
    // Another page starts again.
    expect(calculatorIds({}, undefined)('price')).toBe('calc-1-price');
  });
});

describe('viewText', () => {
  it('reads a field’s message and an output from a real installment view', () => {
    const valid = viewText(installmentView({ price: '6000', downPayment: '0', periods: '12', mode: 'feeRate', feeRate: '0.6', monthlyPayment: '' }));
    expect(valid.errorFor('price')).toBe('');
    expect(valid.out('summary')).not.toBe('');
    expect(valid.out('no-such-output')).toBe('');
    const invalid = viewText(installmentView({ price: '六千', downPayment: '0', periods: '12', mode: 'feeRate', feeRate: '0.6', monthlyPayment: '' }));
    expect(invalid.errorFor('price')).not.toBe('');
  });
});

describe('headingTags', () => {
  it('gives the heading and the level below it', () => {
    expect(headingTags(2)).toEqual({ Heading: 'h2', SubHeading: 'h3' });
    expect(headingTags(4)).toEqual({ Heading: 'h4', SubHeading: 'h5' });
  });
});
