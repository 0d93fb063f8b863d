/** Model key = `domain-type-sub_type`, as update_topo reports it. */
export function modelKey(domain: string | number, type: number, subType: number): string {
  return `${String(domain)}-${type}-${subType}`;
}

const PRODUCTS: ReadonlyMap<string, string> = new Map([
  ['3-1-0', 'DJI Dock'],
  ['3-2-0', 'DJI Dock 2'],
  ['3-3-0', 'DJI Dock 3'],
  ['0-67-0', 'Matrice 30'],
  ['0-67-1', 'Matrice 30T'],
  ['0-91-0', 'Mavic 3D'],
  ['0-91-1', 'Mavic 3TD'],
  ['0-100-0', 'Matrice 4D'],
  ['0-100-1', 'Matrice 4TD'],
]);

export const KNOWN_MODEL_KEYS: readonly string[] = Object.freeze([...PRODUCTS.keys()]);

export function productName(key: string): string | null {
  return PRODUCTS.get(key) ?? null;
}

/** Domain 3 is a dock, whether or not its exact model is in the table. */
export function isDockModel(key: string): boolean {
  return key.split('-')[0] === '3';
}

/** Domain 0 is an aircraft. */
export function isAircraftModel(key: string): boolean {
  return key.split('-')[0] === '0';
}

/** The product name, or the key itself for models the table does not know. */
export function modelLabel(key: string): string {
  return productName(key) ?? `Unknown model ${key}`;
}
