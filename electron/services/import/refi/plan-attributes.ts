import { AppError } from '../../../../shared/api/errors';
import { dictionary } from '../../../../shared/domain/dictionary';
import type { AttributeDef, AttributeType, AttributeValue } from '../../../../shared/domain/schemas';
import { nextRank } from '../../../../shared/operations/context';
import { plural } from '../../../../shared/text/plural';
import type { RefiVariableValue } from './refi-model';
import type { PreparedSource, ProjectPlanner } from './project-planner';
import { attributeTypeOf, attributeValue, clean, clip } from './refi-names';

/**
 * A REFI-QDA project's variables as document attributes. Marginalia has no cases, so a case's
 * values go to each of its documents (and its name to a "Case" attribute); a value that clashes
 * with one the document already has from this export is reported, not overwritten.
 */

/** The attribute definitions an import adds, and the values it gives each source (by GUID). */
export interface AttributePlan {
  readonly newDefinitions: readonly AttributeDef[];
  readonly values: ReadonlyMap<string, Record<string, string | number>>;
}

export function planAttributes(plan: ProjectPlanner): AttributePlan {
  const attributes = new AttributePlanner(plan);
  attributes.planAll();
  return attributes;
}

class AttributePlanner implements AttributePlan {
  readonly definitions: AttributeDef[];
  readonly newDefinitions: AttributeDef[] = [];
  /** Source GUID → its attribute values. */
  readonly values = new Map<string, Record<string, string | number>>();

  constructor(private readonly plan: ProjectPlanner) {
    this.definitions = [...plan.ctx.project.attributes];
  }

  private definition(name: string, type: AttributeType): AttributeDef {
    const existing = this.definitions.find((d) => d.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (existing) return existing;
    const def = { name, type, rank: nextRank(this.definitions) };
    this.definitions.push(def);
    this.newDefinitions.push(def);
    return def;
  }

  private setValue(source: PreparedSource, def: AttributeDef, value: AttributeValue, from: string): void {
    if (value === null) return;
    const target = source.sameAs ?? source;
    const record = this.values.get(target.source.guid) ?? dictionary();
    this.values.set(target.source.guid, record);
    const current = record[def.name];
    if (current !== undefined && current !== null && current !== value) {
      this.plan.skip({ kind: 'value', name: def.name, source: source.name, reason: `${from} gives ${JSON.stringify(value)}, but the document already has ${JSON.stringify(current)} from this export` });
      return;
    }
    record[def.name] = value;
  }

  /** Variables on sources (MAXQDA) and on cases with their sources (Quirkos, NVivo) → document attributes. */
  planAll(): void {
    const variables = new Map<string, { name: string; type: AttributeType }>();
    for (const v of this.plan.project.variables) {
      const name = clip(clean(v.name), 100);
      if (!name || name === '__proto__') {
        this.plan.skip({ kind: 'variable', name: name || v.guid, reason: name ? 'Marginalia cannot use that name for an attribute' : 'it has no name' });
        continue;
      }
      if (!v.type) this.plan.warnings.push(`The variable “${name}” has an unknown type (${v.typeWritten || 'none'}): its values are imported as text.`);
      variables.set(v.guid, { name, type: v.type ? attributeTypeOf[v.type] : 'text' });
    }
    const byGuid = new Map(this.plan.prepared.map((p) => [p.source.guid, p]));
    const apply = (source: PreparedSource, value: RefiVariableValue, from: string) => {
      const variable = variables.get(value.variableGuid);
      if (!variable) {
        this.plan.skip({ kind: 'value', name: value.value.trim() || '(empty)', source: source.name, reason: 'it belongs to a variable the export does not define' });
        return;
      }
      const existing = this.definitions.find((d) => d.name.toLocaleLowerCase() === variable.name.toLocaleLowerCase());
      const type = existing?.type ?? variable.type;
      let converted: AttributeValue;
      try {
        converted = attributeValue(value, type, existing?.name ?? variable.name);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.plan.skip({ kind: 'value', name: variable.name, source: source.name, reason: error.message });
        return;
      }
      if (converted === null) return;
      this.setValue(source, this.definition(variable.name, type), converted, from);
    };
    for (const prepared of this.plan.prepared) {
      for (const value of prepared.source.variableValues) apply(prepared, value, 'the source');
    }
    for (const c of this.plan.project.cases) {
      const caseName = clean(c.name) || `Case ${c.guid.slice(0, 8)}`;
      const members = c.sourceRefs.map((g) => byGuid.get(g)).filter((p): p is PreparedSource => p !== undefined);
      for (const member of members) {
        for (const value of c.variableValues) apply(member, value, `the case “${caseName}”`);
      }
      for (const member of members) {
        const caseDef = this.definitions.find((d) => d.name.toLocaleLowerCase() === 'case');
        if (caseDef && caseDef.type !== 'text') {
          this.plan.skip({ kind: 'case', name: caseName, source: member.name, reason: 'the project’s attribute “Case” is not a text attribute, so the case name cannot be recorded' });
          continue;
        }
        const def = caseDef ?? this.definition('Case', 'text');
        const target = member.sameAs ?? member;
        const record = this.values.get(target.source.guid) ?? dictionary();
        this.values.set(target.source.guid, record);
        const current = record[def.name];
        if (typeof current === 'string' && current.split('; ').includes(caseName)) continue;
        record[def.name] = typeof current === 'string' && current ? `${current}; ${caseName}` : caseName;
      }
      const lost = [c.description.trim() && 'its description', c.selectionRefs.length && `its links to ${plural(c.selectionRefs.length, 'selection')}`, c.codeRefs.length && `its ${plural(c.codeRefs.length, 'code')}`].filter(Boolean);
      if (members.length === 0) {
        this.plan.skip({ kind: 'case', name: caseName, reason: 'none of its sources were imported' });
      } else if (lost.length) {
        this.plan.skip({ kind: 'case', name: caseName, reason: `Marginalia has no cases: its variables became attributes of its documents, but ${lost.join(' and ')} could not be kept` });
      }
    }
  }
}
