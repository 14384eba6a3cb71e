/**
 * Which image a rollback returns a service to (§10), decided purely from task definition revisions.
 *
 * The rollback goes through Pulumi: it sets the service's image tag in stack config and updates the
 * service's task definition and service, so Pulumi registers a NEW revision carrying the old image
 * (state and AWS stay in step). A revision is only read here for its image. Consequences:
 *  - "previous" is the newest revision below the one the service runs whose image tag differs from
 *    the running one (revisions that only changed CPU, memory or environment share the image);
 *    INACTIVE revisions count: Pulumi deregisters a task definition when it replaces it, and
 *    DescribeTaskDefinition still reads deregistered revisions.
 *  - like `kubectl rollout undo`, rolling back twice returns to the image rolled back from; give a
 *    revision to go further back.
 *  - only the image is restored; CPU, memory, environment and secrets come from the code.
 */
import { SERVICES, ServiceName } from "../../config/names";
import { RefusedError, UsageError } from "../errors";

/** The stack config key holding each service's image tag (compute module, issue 5). */
export const IMAGE_TAG_KEYS: Readonly<Record<ServiceName, string>> = Object.freeze({
    "internal-pe": "internalPeImageTag",
    "customer-portal": "customerPortalImageTag",
});

export function checkService(name: string): ServiceName {
    if (!(SERVICES as readonly string[]).includes(name)) {
        throw new UsageError(`unknown service "${name}": services are ${SERVICES.join(", ")}`);
    }
    return name as ServiceName;
}

export interface TaskDefinitionRef {
    readonly family: string;
    readonly revision: number;
}

/** `arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>` or `<family>:<revision>`. */
export function parseTaskDefinition(reference: string): TaskDefinitionRef | undefined {
    const match = /^(?:arn:aws[\w-]*:ecs:[\w-]+:\d{12}:task-definition\/)?([A-Za-z0-9_-]{1,255}):(\d+)$/.exec(reference);
    return match ? { family: match[1], revision: Number(match[2]) } : undefined;
}

/** The [revision] argument: a number, `<family>:<n>` or a task definition ARN of the service's family. */
export function parseRequestedRevision(input: string, family: string): number {
    if (/^\d+$/.test(input)) return Number(input);
    const ref = parseTaskDefinition(input);
    if (!ref) throw new UsageError(`revision "${input}": give a revision number, ${family}:<n> or a task definition ARN`);
    if (ref.family !== family) throw new RefusedError(`revision "${input}" is of family ${ref.family}, but the service's family is ${family}`);
    return ref.revision;
}

export interface ImageRef {
    readonly repository: string;
    readonly tag?: string;
    readonly digest?: string;
}

/** `<registry>/<repo>:<tag>` or `<repo>@sha256:<digest>`; a registry port is not mistaken for a tag. */
export function splitImage(image: string): ImageRef {
    const at = image.indexOf("@");
    if (at >= 0) return { repository: image.slice(0, at), digest: image.slice(at + 1) };
    const colon = image.lastIndexOf(":");
    if (colon > image.lastIndexOf("/")) return { repository: image.slice(0, colon), tag: image.slice(colon + 1) };
    return { repository: image };
}

export interface RevisionImage {
    readonly revision: number;
    readonly image: string;
}

export interface RollbackChoice {
    readonly revision: number;
    readonly image: string;
    readonly tag: string;
}

/** Returning from `current` to `chosen` (the previous or a named revision): its image's tag, in the same repository. */
export function chooseGiven(current: RevisionImage, chosen: RevisionImage, family: string): RollbackChoice {
    const now = splitImage(current.image);
    const then = splitImage(chosen.image);
    if (!then.tag) throw new RefusedError(`${family}:${chosen.revision} runs ${chosen.image}, which has no tag to set in stack config`);
    if (then.repository !== now.repository) {
        throw new RefusedError(`${family}:${chosen.revision} runs an image of ${then.repository}, but the service now pulls from ${now.repository}; ` +
            "a tag alone cannot express that rollback");
    }
    return { revision: chosen.revision, image: chosen.image, tag: then.tag };
}

/** The newest revision below the running one with a different image tag. `earlier` may be in any order. */
export function choosePrevious(current: RevisionImage, earlier: readonly RevisionImage[], family: string): RollbackChoice {
    const currentTag = splitImage(current.image).tag;
    const candidates = earlier.filter((r) => r.revision < current.revision).sort((a, b) => b.revision - a.revision);
    const previous = candidates.find((r) => splitImage(r.image).tag !== currentTag);
    if (!previous) {
        const seen = candidates.length === 0 ? "there is no earlier revision" : `revisions ${candidates.map((r) => r.revision).join(", ")} all run ${currentTag ?? current.image}`;
        throw new RefusedError(`nothing to roll back to: ${family}:${current.revision} runs ${current.image} and ${seen}`);
    }
    return chooseGiven(current, previous, family);
}

/** A revision the caller named: it must exist and must not be the one already running. */
export function checkRequested(current: RevisionImage, requested: number, available: readonly number[], family: string): void {
    if (requested === current.revision) throw new RefusedError(`${family}:${requested} is the revision the service already runs`);
    if (!available.includes(requested)) {
        throw new RefusedError(`${family}:${requested} does not exist (revisions: ${[...available].sort((a, b) => a - b).join(", ") || "none"})`);
    }
}

/** The image of the service's container: the container named like the service, or the only one. */
export function containerImage(containers: readonly { name?: string; image?: string }[], service: ServiceName, reference: string): string {
    const container = containers.find((c) => c.name === service) ?? (containers.length === 1 ? containers[0] : undefined);
    if (!container?.image) throw new RefusedError(`${reference} has no container named ${service} with an image`);
    return container.image;
}
