import type { Condition, NameRef, QueryAst, QueryExpr, QueryWindow } from './ast';

/** A name as the parser reads it back: quoted, with " and \ escaped. */
export function quoteName(name: string): string {
  return `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function names(list: readonly NameRef[]): string {
  return list.length === 1 ? quoteName(list[0]!.name) : `(${list.map((n) => quoteName(n.name)).join(', ')})`;
}

function windowText(window: QueryWindow): string {
  return `(${window.kind === 'characters' ? window.count : window.kind})`;
}

/** A code, or anything else in brackets: what NEAR, FOLLOWED BY and BY take as operands. */
function primaryText(expr: QueryExpr): string {
  return expr.kind === 'code' || (expr.kind === 'by' && expr.expr.kind === 'code') ? exprText(expr) : `(${exprText(expr, true)})`;
}

function exprText(expr: QueryExpr, top = false): string {
  switch (expr.kind) {
    case 'code':
      return quoteName(expr.code.name);
    case 'by':
      return `${expr.expr.kind === 'code' ? exprText(expr.expr) : `(${exprText(expr.expr, true)})`} BY ${names(expr.coders)}`;
    case 'not':
      return `NOT ${exprText(expr.expr)}`;
    case 'and':
    case 'or': {
      const text = `${exprText(expr.left)} ${expr.kind.toUpperCase()} ${exprText(expr.right)}`;
      return top ? text : `(${text})`;
    }
    default: {
      const operator = expr.kind === 'near' ? `NEAR${windowText(expr.window)}` : `FOLLOWED BY${expr.window ? windowText(expr.window) : ''}`;
      const text = `${primaryText(expr.left)} ${operator} ${primaryText(expr.right)}`;
      return top ? text : `(${text})`;
    }
  }
}

function conditionText(c: Condition): string {
  if (c.kind === 'attribute') {
    const values = c.op === 'in' || c.op === 'not in' ? `(${c.values.map((v) => quoteName(v.name)).join(', ')})` : quoteName(c.values[0]!.name);
    return `${quoteName(c.attribute.name)} ${c.op.toUpperCase()} ${values}`;
  }
  const keyword = c.kind.toUpperCase();
  return c.names.length === 1 ? `${keyword} ${c.negated ? '!=' : '='} ${quoteName(c.names[0]!.name)}` : `${keyword} ${c.negated ? 'NOT IN' : 'IN'} ${names(c.names)}`;
}

/**
 * The query written out in full: every name quoted and every combination bracketed, so a
 * reader sees how it was understood ("A OR B AND C" is "A" OR ("B" AND "C")). Parses back to
 * the same query.
 */
export function formatQuery(ast: QueryAst): string {
  const where = ast.where.length ? ` WHERE ${ast.where.map(conditionText).join(' AND ')}` : '';
  return exprText(ast.expr, true) + where;
}
