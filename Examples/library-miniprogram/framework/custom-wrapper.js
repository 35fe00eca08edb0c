// Frameworks render deep subtrees inside this component so a setData there stays small.
Component({ properties: { i: Object } });
