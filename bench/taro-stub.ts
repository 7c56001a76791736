// The h5 stamp path uses no Taro API; the weapp branch is dead code in the bench page.
const Taro = {} as Record<string, never>;
export default Taro;
