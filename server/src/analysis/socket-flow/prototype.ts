// JavaScript classes written as constructor functions: `function Client(ws) { this.ws = ws }`
// with methods assigned to `Client.prototype.m`. Found by syntax, in the file that declares them.
import * as ts from 'typescript';

/** `X.prototype.m = function () {…}` → the declaration of `X` in the same file. */
export function prototypeOwner(fn: ts.FunctionExpression): ts.Node | undefined {
  const parent = fn.parent;
  if (!parent || !ts.isBinaryExpression(parent) || !ts.isPropertyAccessExpression(parent.left)) return undefined;
  const proto = parent.left.expression;
  if (!ts.isPropertyAccessExpression(proto) || proto.name.text !== 'prototype' || !ts.isIdentifier(proto.expression)) return undefined;
  return topLevelDeclaration(fn.getSourceFile(), proto.expression.text);
}

function topLevelDeclaration(file: ts.SourceFile, name: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  file.forEachChild((statement) => {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) found = statement;
  });
  return found;
}

/** The class (or constructor function) whose instance `this` is at a node. */
export function thisOwner(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isFunctionDeclaration(current)) return current;
    if (ts.isFunctionExpression(current)) return prototypeOwner(current) ?? current;
  }
  return undefined;
}
