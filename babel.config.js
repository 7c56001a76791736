// Taro's webpack runner compiles src/ with babel-loader, which reads this file.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
