import { createContext, useContext, type ReactNode } from 'react';
import { Image, Input, Textarea, View } from '@tarojs/components';

export interface FieldProps {
  label: string;
  required?: boolean;
  hint?: string;
  /** Shown in red under the control, e.g. from an INVALID_ARGUMENT's details. */
  error?: string;
  children?: ReactNode;
}

/** The label of the Field around a control: TextInput / TextArea use it as their accessible name. */
const FieldLabel = createContext('');

export function Field({ label, required, hint, error, children }: FieldProps) {
  return (
    <View className='z-field'>
      <View className='z-field__label'>
        {label}
        {required ? (
          <View className='z-field__required' style={{ display: 'inline' }}>
            *
          </View>
        ) : null}
      </View>
      <FieldLabel.Provider value={required ? `${label}（必填）` : label}>{children}</FieldLabel.Provider>
      {error ? (
        <View className='z-field__error' {...(process.env.TARO_ENV === 'h5' ? { role: 'alert' } : {})}>
          {error}
        </View>
      ) : hint ? (
        <View className='z-field__hint'>{hint}</View>
      ) : null}
    </View>
  );
}

/** The accessible name of a text control: the label passed, else the Field's, else the placeholder. */
function useName(label: string | undefined, placeholder: string | undefined): string {
  const field = useContext(FieldLabel);
  return label ?? (field || placeholder || '');
}

/** h5: the real <input>/<textarea> inside Taro's element gets the name; weapp: aria-label. */
function nameProps(name: string, invalid?: boolean): Record<string, unknown> {
  if (process.env.TARO_ENV === 'h5') return { nativeProps: { 'aria-label': name, ...(invalid ? { 'aria-invalid': 'true' } : {}) } };
  return { ariaLabel: name };
}

export interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  maxlength?: number;
  invalid?: boolean;
  /** Accessible name when the input is not inside a Field. */
  label?: string;
  onConfirm?: () => void;
}

export function TextInput({ value, onChange, placeholder, type = 'text', maxlength, invalid, label, onConfirm }: TextInputProps) {
  const name = useName(label, placeholder);
  return (
    <Input
      className={invalid ? 'z-input z-input--error' : 'z-input'}
      value={value}
      type={type}
      placeholder={placeholder}
      placeholderClass='z-placeholder'
      maxlength={maxlength ?? 140}
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={onConfirm}
      {...nameProps(name, invalid)}
    />
  );
}

export interface TextAreaProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxlength?: number;
  label?: string;
  className?: string;
}

export function TextArea({ value, onChange, placeholder, maxlength, label, className }: TextAreaProps) {
  const name = useName(label, placeholder);
  return (
    <Textarea
      className={className ? `z-textarea ${className}` : 'z-textarea'}
      value={value}
      placeholder={placeholder}
      placeholderClass='z-placeholder'
      maxlength={maxlength ?? 2000}
      autoHeight
      onInput={(e) => onChange(e.detail.value)}
      {...nameProps(name)}
    />
  );
}

/** Every image says what it shows (alt on h5, aria-label on weapp). */
export function Img({
  src,
  alt,
  className,
  mode = 'aspectFill',
  onClick,
  testId,
}: {
  src: string;
  alt: string;
  className?: string;
  mode?: 'aspectFill' | 'aspectFit' | 'widthFix';
  onClick?: () => void;
  testId?: string;
}) {
  const a11y = process.env.TARO_ENV === 'h5' ? { nativeProps: { alt } } : { ariaLabel: alt, ariaRole: 'img' };
  return <Image className={className} src={src} mode={mode} onClick={onClick} data-testid={testId} {...a11y} />;
}
