/// <reference types="@tarojs/taro" />

// Build-time constants from config/index.ts (defineConstants).
/** WeChat cloud environment id used by Taro.cloud.init. */
declare const CLOUD_ENV: string;
/** Subscribe-message template ids, equal to the cloud's TEMPLATE_DEADLINE / TEMPLATE_EVENT. */
declare const TEMPLATE_DEADLINE: string;
declare const TEMPLATE_EVENT: string;
/** h5 against the local cloud (identity picker, X-Openid); always false on weapp. */
declare const LOCAL_MODE: boolean;

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time and replaced by a literal, so dead branches drop out. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'quickapp' | 'qq' | 'jd' | 'harmony';
  }
}
