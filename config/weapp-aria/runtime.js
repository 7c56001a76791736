// Runs first in app.js (the plugin adds it to Taro's runtime modules): the
// runtime learns the accessibility attributes before it renders anything.
import { mergeInternalComponents } from '@tarojs/shared';
import components from './components';

mergeInternalComponents(components);
