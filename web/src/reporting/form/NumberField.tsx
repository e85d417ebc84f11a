import { Input, Typography } from 'antd';
import { useEffect, useState } from 'react';

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * An indicator's figure. Unlike InputNumber it never turns "约30" into 30 silently: what is typed
 * stays on screen, and text that is not a number is not saved and says why.
 */
export function NumberField({
  label,
  value,
  unit,
  onChange,
  onBlur,
}: {
  label: string;
  value: number | null;
  unit?: string;
  onChange: (n: number | null) => void;
  onBlur?: () => void;
}) {
  const [text, setText] = useState(value == null ? '' : String(value));
  // A value from outside (沿用上期, the other person's version) replaces what is shown; the effect
  // runs only when the value changes, so text that is not a number (not emitted) stays on screen.
  useEffect(() => {
    setText((t) => {
      const c = t.trim().replace(/,/g, '');
      const shown = c === '' ? null : NUMBER.test(c) ? Number(c) : undefined;
      return shown === value ? t : value == null ? '' : String(value);
    });
  }, [value]);
  const cleaned = text.trim().replace(/,/g, '');
  const bad = cleaned !== '' && !NUMBER.test(cleaned);
  return (
    <div>
      <Input
        aria-label={label}
        aria-invalid={bad}
        value={text}
        inputMode="decimal"
        placeholder="实际完成"
        addonAfter={unit || undefined}
        status={bad ? 'error' : undefined}
        style={{ width: 170 }}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const c = t.trim().replace(/,/g, '');
          if (c === '') onChange(null);
          else if (NUMBER.test(c)) onChange(Number(c));
        }}
        onBlur={onBlur}
      />
      {bad && (
        <div role="alert">
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            请只填数字（如 30），“{text.trim()}”未保存；说明文字请写在进展情况中
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
