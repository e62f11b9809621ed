// Validates every Kubernetes object of the YAML documents on standard input (`kubectl kustomize DIR | node
// kubernetes-objects.mjs`) against Kubernetes' own OpenAPI schemas, through kubernetes-models' classes: the core API
// groups, and the KEDA and Prometheus Operator custom resources. Prints one line per object, "ok <apiVersion> <kind>
// <name>" or "INVALID <kind> <name>: <what>" (or "NO MODEL" for a kind it has no schema for); exit 1 on any but ok.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const MODEL_PACKAGES = ['kubernetes-models', '@kubernetes-models/keda', '@kubernetes-models/prometheus-operator'];

/** The model class of `kind` in `apiVersion` ("v1" for the core group, else "<group>/<version>"), or undefined. */
async function modelOf(apiVersion, kind) {
  for (const pkg of MODEL_PACKAGES) {
    try {
      const model = (await import(`${pkg}/${apiVersion}`))[kind];
      if (model) {
        return model;
      }
    } catch (notThere) {
      // This package has no such group/version: try the next one.
    }
  }
  return undefined;
}

let failures = 0;
for (const document of parseAllDocuments(readFileSync(0, 'utf8'))) {
  const object = document.toJS();
  if (!object) {
    continue;
  }
  const name = object.metadata?.name ?? '(no name)';
  const Model = await modelOf(String(object.apiVersion), String(object.kind));
  if (!Model) {
    console.log(`NO MODEL ${object.apiVersion} ${object.kind} ${name}`);
    failures++;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`ok ${object.apiVersion} ${object.kind} ${name}`);
  } catch (invalid) {
    console.log(`INVALID ${object.kind} ${name}: ${invalid.message}`);
    failures++;
  }
}
process.exit(failures === 0 ? 0 : 1);
