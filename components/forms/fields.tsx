import type { ReactNode } from 'react';

const inputClass =
  'mt-1 block w-full rounded-md border px-3 py-2 text-sm aria-[invalid=true]:border-red-500 border-slate-300 bg-white';

type FieldProps = {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children?: ReactNode;
};

function describedBy(name: string, errors?: string[], hint?: ReactNode) {
  return [errors?.length ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ') || undefined;
}

function FieldFrame({ name, label, errors, hint, children }: FieldProps) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {children}
      {errors && errors.length > 0 && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {errors[0]}
        </p>
      )}
    </div>
  );
}

export function TextField({
  defaultValue,
  type = 'text',
  autoComplete,
  placeholder,
  maxLength,
  required,
  ...field
}: FieldProps & { defaultValue?: string; type?: string; autoComplete?: string; placeholder?: string; maxLength?: number; required?: boolean }) {
  return (
    <FieldFrame {...field}>
      <input
        id={field.name}
        name={field.name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        placeholder={placeholder}
        maxLength={maxLength}
        required={required}
        aria-invalid={!!field.errors?.length}
        aria-describedby={describedBy(field.name, field.errors, field.hint)}
        className={inputClass}
      />
    </FieldFrame>
  );
}

export function SelectField({
  defaultValue,
  options,
  ...field
}: FieldProps & { defaultValue?: string; options: { value: string; label: string }[] }) {
  return (
    <FieldFrame {...field}>
      <select
        // A new key when the kept value changes: React's reset after an action puts a select back to
        // the option it was first rendered with, not to an updated defaultValue (inputs do follow).
        key={defaultValue ?? ''}
        id={field.name}
        name={field.name}
        defaultValue={defaultValue}
        aria-invalid={!!field.errors?.length}
        aria-describedby={describedBy(field.name, field.errors, field.hint)}
        className={inputClass}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  errors,
}: {
  name: string;
  legend: string;
  options: { value: string; label: ReactNode }[];
  defaultValue?: string;
  errors?: string[];
}) {
  return (
    <fieldset id={name} aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 space-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm">
            <input type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} className="mt-0.5" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {errors && errors.length > 0 && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {errors[0]}
        </p>
      )}
    </fieldset>
  );
}
