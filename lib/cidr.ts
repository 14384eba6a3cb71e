/**
 * IPv4 CIDR arithmetic on top of the ip-address library (no hand-rolled bit twiddling).
 */
import { Address4 } from "ip-address";

export interface CidrRange {
    readonly cidr: string;
    /** First and last address as integers, inclusive. */
    readonly first: bigint;
    readonly last: bigint;
    readonly prefixLength: number;
}

const CIDR_PATTERN = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/;

/** True for a canonical IPv4 CIDR such as 192.168.0.0/24 (network address, no host bits set). */
export function isCanonicalCidr(cidr: string): boolean {
    if (!CIDR_PATTERN.test(cidr) || !Address4.isValid(cidr)) return false;
    const address = new Address4(cidr);
    return address.startAddress().correctForm() === address.addressMinusSuffix;
}

export function parseCidr(cidr: string): CidrRange {
    if (!isCanonicalCidr(cidr)) {
        throw new Error(`"${cidr}" is not an IPv4 CIDR block with its network address (e.g. 192.168.0.0/24)`);
    }
    const address = new Address4(cidr);
    return {
        cidr,
        first: address.startAddress().bigInt(),
        last: address.endAddress().bigInt(),
        prefixLength: address.subnetMask,
    };
}

export function contains(outer: CidrRange, inner: CidrRange): boolean {
    return inner.first >= outer.first && inner.last <= outer.last;
}

export function overlaps(a: CidrRange, b: CidrRange): boolean {
    return a.first <= b.last && b.first <= a.last;
}

/** The index-th block of the given prefix length inside the parent (0-based). */
export function nthSubnet(parent: CidrRange, prefixLength: number, index: number): string {
    const size = 1n << BigInt(32 - prefixLength);
    const start = parent.first + size * BigInt(index);
    return `${Address4.fromBigInt(start).correctForm()}/${prefixLength}`;
}

/** How many blocks of the given prefix length fit in the parent. */
export function blockCount(parent: CidrRange, prefixLength: number): number {
    return prefixLength < parent.prefixLength ? 0 : 2 ** (prefixLength - parent.prefixLength);
}
