// The scheme endpoint explains a refused save in the validator's English; say the ones the scheme
// card can cause in Chinese (the card's own checks catch them first, this covers the rest).
const PHRASES: [RegExp, string][] = [
  [/the three parts must add up to 100 \(now ([\d.]+)\)/g, '三项分值之和须为 100 分（现为 $1 分）'],
  [/grade lines must fall: excellent > good > pass/g, '等次分数线须依次降低：优秀 > 良好 > 合格'],
  [/lead and co weights cannot both be 0/g, '牵头与配合事项权重不能同时为 0'],
  [/\bweights\b(?=:)/g, '分值构成'],
  [/\bgrades\b(?=:)/g, '等次'],
  [/\bcompletion\.roleWeights\b(?=:)/g, '权重'],
];

export function schemeErrorInChinese(text: string): string {
  let s = text;
  for (const [re, zh] of PHRASES) s = s.replace(re, zh);
  return s.replace(/: /g, '：').replace(/; /g, '；');
}
