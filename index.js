// Package entry: the built node and credential classes. n8n itself loads them through the
// "n8n" block of package.json; this entry serves code that requires the package directly.
const { Keitaro } = require('./dist/nodes/Keitaro/Keitaro.node');
const { KeitaroApi } = require('./dist/credentials/KeitaroApi.credentials');

module.exports = { Keitaro, KeitaroApi };
