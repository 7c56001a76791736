import type { ReactNode } from 'react';
import { Input, Textarea, View } from '@tarojs/components';

export interface FieldProps {
  label: string;
  required?: boolean;
  hint?: string;
  /** Shown in red under the control, e.g. from an INVALID_ARGUMENT's details. */
  error?: string;
  children?: ReactNode;
}

export function Field({ label, required, hint, error, children }: FieldProps) {
  return (
    <View className='z-field'>
      <View className='z-field__label'>
        {label}
        {required ? <View className='z-field__required' style={{ display: 'inline' }}>*</View> : null}
      </View>
      {children}
      {error ? <View className='z-field__error'>{error}</View> : hint ? <View className='z-field__hint'>{hint}</View> : null}
    </View>
  );
}

export interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  maxlength?: number;
  invalid?: boolean;
  onConfirm?: () => void;
}

export function TextInput({ value, onChange, placeholder, type = 'text', maxlength, invalid, onConfirm }: TextInputProps) {
  return (
    <Input
      className={invalid ? 'z-input z-input--error' : 'z-input'}
      value={value}
      type={type}
      placeholder={placeholder}
      maxlength={maxlength ?? 140}
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={onConfirm}
    />
  );
}

export interface TextAreaProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxlength?: number;
}

export function TextArea({ value, onChange, placeholder, maxlength }: TextAreaProps) {
  return (
    <Textarea
      className='z-textarea'
      value={value}
      placeholder={placeholder}
      maxlength={maxlength ?? 2000}
      autoHeight
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
