import { describe, expect, it } from 'vitest';
import { financialQuarter, monthsOf, monthWithin, quarterOf, yearEarlier } from '../../../shared/returns/periods';

describe('financial quarters (Q1 = April-June)', () => {
  it('reads the usual spellings', () => {
    const q1 = { from: '2025-04-01', to: '2025-06-30', label: '2025-26 Q1' };
    expect(financialQuarter('2025-26 Q1')).toEqual(q1);
    expect(financialQuarter('2025-26Q1')).toEqual(q1);
    expect(financialQuarter('2025Q1')).toEqual(q1);
    expect(financialQuarter('2025/2026 q1')).toEqual(q1);
    expect(financialQuarter('2025-26 Q3')).toEqual({ from: '2025-10-01', to: '2025-12-31', label: '2025-26 Q3' });
    expect(financialQuarter('2023-24 Q4')).toEqual({ from: '2024-01-01', to: '2024-03-31', label: '2023-24 Q4' });
    expect(financialQuarter('1999-00 Q2').label).toBe('1999-00 Q2');
  });

  it('rejects what is not a quarter, saying how to write one', () => {
    expect(() => financialQuarter('2025 Q5')).toThrow(/2025-26 Q1/);
    expect(() => financialQuarter('2025-27 Q1')).toThrow(/one year into the next/);
  });

  it('finds the quarter of a date', () => {
    expect(quarterOf('2025-03-31').label).toBe('2024-25 Q4');
    expect(quarterOf('2025-04-01').label).toBe('2025-26 Q1');
    expect(quarterOf('2025-09-30').label).toBe('2025-26 Q2');
    expect(quarterOf('2026-01-15')).toEqual({ from: '2026-01-01', to: '2026-03-31', label: '2025-26 Q4' });
  });

  it('months, month parts and the year earlier', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthWithin('2025-11', '2025-11-15', '2026-02-01')).toEqual({ from: '2025-11-15', to: '2025-11-30' });
    expect(monthWithin('2024-02', '2024-01-01', '2024-12-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthWithin('2025-03', '2025-04-01', '2025-06-30')).toBeNull();
    expect(yearEarlier('2024-02-01', '2024-02-29')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });
});
