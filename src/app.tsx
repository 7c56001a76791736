import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.css';
import './components/ui.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // In WeChat every call goes through the cloud SDK; h5 talks HTTP instead.
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
  });
  return children;
}

export default App;
