// Stands in for `server-only` under jest (it throws outside React Server Components).
module.exports = {};
