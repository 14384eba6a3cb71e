/**
 * The CPU/memory combinations AWS Fargate accepts for a task (Linux), as data in one place.
 * Source: Amazon ECS Developer Guide, "Task CPU and memory" for Fargate.
 * CPU in units (1024 = 1 vCPU), memory in MiB.
 */
function range(from: number, to: number, step: number): number[] {
    const values: number[] = [];
    for (let v = from; v <= to; v += step) values.push(v);
    return values;
}

export const FARGATE_CPU_MEMORY: Readonly<Record<number, readonly number[]>> = Object.freeze({
    256: [512, 1024, 2048],
    512: range(1024, 4096, 1024),
    1024: range(2048, 8192, 1024),
    2048: range(4096, 16384, 1024),
    4096: range(8192, 30720, 1024),
    8192: range(16384, 61440, 4096),
    16384: range(32768, 122880, 8192),
});

export const FARGATE_CPU_VALUES: readonly number[] = Object.keys(FARGATE_CPU_MEMORY).map(Number);

/** The memory sizes Fargate allows for a CPU value, or undefined when the CPU value itself is not allowed. */
export function fargateMemoryFor(cpu: number): readonly number[] | undefined {
    return FARGATE_CPU_MEMORY[cpu];
}

export function isValidFargatePair(cpu: number, memory: number): boolean {
    return fargateMemoryFor(cpu)?.includes(memory) ?? false;
}

/** A short, readable description of the allowed memory for an error message: "1024-4096 in 1024 steps". */
export function describeMemoryRange(cpu: number): string {
    const allowed = fargateMemoryFor(cpu);
    if (!allowed) return `none (cpu must be one of ${FARGATE_CPU_VALUES.join(", ")})`;
    if (allowed.length <= 3) return allowed.join(", ");
    const step = allowed[1] - allowed[0];
    return `${allowed[0]}-${allowed[allowed.length - 1]} in ${step} steps`;
}
