// WeChat's accessibility attributes on the elements the kit (src/components)
// names and roles on weapp. Taro's weapp templates carry none of them, so an
// ariaRole or ariaLabel prop would reach the page data and never the screen.
// Build (plugin.js: base.wxml's templates) and runtime (runtime.js: the data
// Taro sends) must add the same ones, since both number attributes the same way.
module.exports = {
  View: { 'aria-role': '', 'aria-label': '', 'aria-checked': '' },
  Button: { 'aria-role': '', 'aria-label': '', 'aria-checked': '' },
  Image: { 'aria-role': '', 'aria-label': '' },
  Input: { 'aria-label': '' },
  Textarea: { 'aria-label': '' },
};
