import * as path from 'path';
import * as ts from 'typescript';

const INDEX = path.join(__dirname, '../src/index.ts');

/** `Name` or `Name.member` for every public symbol of the package that has no doc comment. */
function undocumentedSymbols(): string[] {
  const program = ts.createProgram([INDEX], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
  });
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  const hasDocs = (symbol: ts.Symbol, declaration?: ts.Node) =>
    symbol.getDocumentationComment(checker).length > 0 ||
    (declaration !== undefined &&
      [declaration, declaration.parent].some((node) => ts.getJSDocCommentsAndTags(node).length > 0));
  const isPublicMember = (member: ts.Node) => {
    const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
    const name = (member as ts.NamedDeclaration).name;
    return (
      !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) &&
      !ts.isConstructorDeclaration(member) &&
      !ts.isIndexSignatureDeclaration(member) &&
      name !== undefined &&
      !name.getText().startsWith('_') &&
      !name.getText().startsWith('#')
    );
  };

  const visit = (exported: ts.Symbol, prefix: string) => {
    const alias = exported.flags & ts.SymbolFlags.Alias ? exported.declarations?.[0] : undefined;
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const name = `${prefix}${exported.getName()}`;
    if (symbol.flags & ts.SymbolFlags.ValueModule) {
      if (!hasDocs(exported, alias)) missing.push(name);
      checker.getExportsOfModule(symbol).forEach((member) => visit(member, `${name}.`));
      return;
    }
    if (!hasDocs(symbol)) missing.push(name);
    for (const declaration of symbol.declarations ?? []) {
      if (!ts.isClassDeclaration(declaration) && !ts.isInterfaceDeclaration(declaration)) continue;
      for (const member of declaration.members.filter(isPublicMember)) {
        const memberSymbol = checker.getSymbolAtLocation((member as ts.NamedDeclaration).name!);
        if (memberSymbol && !hasDocs(memberSymbol)) missing.push(`${name}.${memberSymbol.getName()}`);
      }
    }
  };
  const index = program.getSourceFile(INDEX)!;
  checker.getExportsOfModule(checker.getSymbolAtLocation(index)!).forEach((exported) => visit(exported, ''));
  return [...new Set(missing)].sort();
}

test('every exported symbol of the package, and every public member of its classes and interfaces, has a doc comment', () => {
  expect(undocumentedSymbols()).toEqual([]);
});
