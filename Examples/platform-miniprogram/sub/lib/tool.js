module.exports = { name: 'tool from the subpackage' };
