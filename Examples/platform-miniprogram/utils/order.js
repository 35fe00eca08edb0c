// Reads `global`, set in app.js.
module.exports = { demo: () => global.isDemo === true };
