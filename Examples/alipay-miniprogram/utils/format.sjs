export default {
  title: (count) => count + ' products',
};
