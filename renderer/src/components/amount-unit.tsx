import { Segmented } from 'antd';
import { useEffect, useState } from 'react';
import type { AmountUnit } from '../../../shared/money/fen.ts';
import { api } from '../api/client.ts';

const KEY = 'amountUnit';

/** The 元/万元 choice for typing amounts, remembered in the data file's settings. */
export function useAmountUnit(): [AmountUnit, (u: AmountUnit) => void] {
  const [unit, setUnit] = useState<AmountUnit>('wan');
  useEffect(() => {
    void api?.call('settings.get', { key: KEY }).then((v) => {
      if (v === 'yuan' || v === 'wan') setUnit(v);
    });
  }, []);
  const change = (u: AmountUnit) => {
    setUnit(u);
    void api?.call('settings.set', { key: KEY, value: u });
  };
  return [unit, change];
}

export function AmountUnitSwitch({ value, onChange }: { value: AmountUnit; onChange(u: AmountUnit): void }) {
  return (
    <Segmented<AmountUnit>
      value={value}
      onChange={onChange}
      options={[
        { label: '按万元录入', value: 'wan' },
        { label: '按元录入', value: 'yuan' },
      ]}
    />
  );
}
