// Taro's webpack runner compiles src/ with babel-loader, which reads this file.
// hot: false because react-refresh is not installed (see config h5.devServer.hot).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: false }]],
};
