// Type declarations for the two small untyped text libraries the overlap detector uses.

declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  const snowball: {
    newStemmer(algorithm: string): Stemmer;
    algorithms(): string[];
  };
  export default snowball;
}

declare module 'stopword' {
  export const eng: readonly string[];
  export const fra: readonly string[];
  export const spa: readonly string[];
}
