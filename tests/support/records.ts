/**
 * A registration record with every option at its default, for fixtures that build records by hand
 * instead of evaluating the program. One place to extend when the record gains a field.
 */
import type { RegisteredResource } from "../../lib/planRecord";

export function blankRecord(urn: string, type: string, name: string): RegisteredResource {
    return {
        urn,
        type,
        name,
        parent: "",
        provider: "",
        custom: true,
        protect: false,
        retainOnDelete: false,
        deleteBeforeReplace: false,
        ignoreChanges: [],
        aliases: [],
        dependencies: [],
        propertyDependencies: {},
        additionalSecretOutputs: [],
        inputs: {},
        secretPaths: [],
    };
}
