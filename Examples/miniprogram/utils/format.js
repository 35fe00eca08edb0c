// A CommonJS module.
function plural(count, word) {
  return count + ' ' + word + (count === 1 ? '' : 's');
}

function title(text) {
  const trimmed = String(text).trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

module.exports = { plural, title };
