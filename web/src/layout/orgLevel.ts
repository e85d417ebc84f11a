// One deployment can serve a province, its cities and their districts; words such as 区领导 or
// 区政府督查室 must follow the level of the signed-in user's organisation.
const PREFIX: Record<string, string> = { province: '省', city: '市', district: '区' };

export function levelPrefix(level: string | undefined): string {
  return (level && PREFIX[level]) ?? '区';
}
