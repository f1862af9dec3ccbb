/**
 * The core's messages are written to follow a prefix ("cairn: the password is not right
 * ..."); shown alone under a field, they read as a sentence: a capital, a full stop.
 */
export function asSentence(message: string): string {
  const text = message.trim();
  if (text === "") return text;
  const capital = text.charAt(0).toLocaleUpperCase("en") + text.slice(1);
  return /[.!?…)]$/.test(capital) ? capital : `${capital}.`;
}
