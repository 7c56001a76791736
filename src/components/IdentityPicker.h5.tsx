// h5 local mode only: choose which openid the local cloud sees (X-Openid).
// Never part of the weapp build (see Page.tsx and the weapp-build test).
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { currentOpenid, isValidOpenid, onIdentityChange, setOpenid } from '../api/identity';
import { TextInput } from './Field';
import { Button, Choice, Tap } from './Button';

export const DEMO_IDENTITIES: ReadonlyArray<{ openid: string; label: string }> = [
  { openid: 'resident-1', label: '市民一' },
  { openid: 'resident-2', label: '市民二' },
  { openid: 'office-yuhua', label: '雨花区公开办' },
  { openid: 'office-shaoyang', label: '邵阳市公开办' },
  { openid: 'staff-edu', label: '区教育局' },
];

export function IdentityPicker() {
  const [openid, setCurrent] = useState(currentOpenid);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);

  // Another page's picker may switch first; stay in step with it.
  useEffect(() => onIdentityChange(setCurrent), []);

  const choose = (id: string) => {
    setOpen(false);
    setText('');
    setBad(false);
    if (id !== openid) setOpenid(id);
  };
  const submitText = () => {
    const id = text.trim();
    if (!isValidOpenid(id)) return setBad(true);
    choose(id);
  };
  const label = DEMO_IDENTITIES.find((d) => d.openid === openid)?.label;

  return (
    <View className='z-idbar' data-testid='identity-picker'>
      <View className='z-idbar__row'>
        <View className='z-idbar__who'>
          当前身份：
          <View className='z-idbar__id' style={{ display: 'inline' }} data-testid='current-openid'>
            {openid}
          </View>
          {label ? `（${label}）` : ''}
        </View>
        <Tap className='z-idbar__toggle' role='button' onClick={() => setOpen(!open)}>
          {open ? '收起' : '切换身份'}
        </Tap>
      </View>
      {open ? (
        <View className='z-idbar__panel'>
          <View className='z-idbar__chips'>
            {DEMO_IDENTITIES.map((d) => (
              <Choice
                key={d.openid}
                checked={d.openid === openid}
                className={d.openid === openid ? 'z-idbar__chip z-idbar__chip--on' : 'z-idbar__chip'}
                onChange={() => choose(d.openid)}
              >
                {d.label} · {d.openid}
              </Choice>
            ))}
          </View>
          <View className='z-idbar__free'>
            <TextInput value={text} onChange={setText} placeholder='其他身份，如 resident-3' invalid={bad} onConfirm={submitText} />
            <Button type='primary' size='small' inline onClick={submitText}>
              使用
            </Button>
          </View>
          {bad ? <View className='z-field__error'>只能用字母、数字、- 和 _，最多 64 个字符</View> : null}
        </View>
      ) : null}
    </View>
  );
}
