/**
 * How a typed project name is compared: full-width letters, digits and brackets as ASCII
 * (NFKC), no spaces. A clerk typing `信息系统（运维）` means the U2 row `信息系统(运维)`.
 */
export function projectKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}
