// a line comment
/* a block comment */
const greeting = "héllo";
let n = 0x1F + 3.5;
function add(a, b) { return a + b; }
const re = /ab+c/gi;
if (n > 2) { console.log(`templ ${n}`); }
