// Outside h5 there is no identity to pick: WeChat says who the caller is.
// Taro resolves IdentityPicker.h5.tsx instead of this file in the h5 build.
export function IdentityPicker() {
  return null;
}
