package io.shaledb.core.expr.parse;

import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ConditionFunction;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.parse.Problems.Problem;
import io.shaledb.core.expr.parse.Token.Type;
import io.shaledb.core.model.ItemSize;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A recursive-descent parser for DynamoDB's expression language, producing unbound trees. Precedence, lowest
 * first: OR, AND, NOT, then comparisons, BETWEEN, IN and functions; parentheses group conditions and, once, operands.
 * Syntax errors are thrown where they are met, in DynamoDB's words ({@code Syntax error; token: "x", near: "a x b"});
 * every other fault is collected in {@link Problems} and reported once the whole text parsed, as DynamoDB does.
 */
public final class Parser {
  /** DynamoDB's limit on the length of one expression. */
  public static final int MAX_EXPRESSION_BYTES = 4096;
  /** DynamoDB's limit on document path depth. */
  public static final int MAX_PATH_DEPTH = 32;
  /** DynamoDB's limit on operators and functions in one expression. */
  public static final int MAX_OPERATORS = 300;
  private static final int MAX_IN_OPERANDS = 100;
  /**
   * Bounds the parser's recursion, so the deepest text the size limit allows cannot exhaust a thread's stack. Beyond
   * it an expression without a syntax error holds redundant parentheses or more than {@link #MAX_OPERATORS}
   * operators: a group that adds no operator and no path step holds nothing but another group.
   */
  private static final int MAX_NESTING = MAX_OPERATORS + MAX_PATH_DEPTH + 2;
  private static final String REDUNDANT_PARENTHESES = "The expression has redundant parentheses;";
  private static final List<String> GRAMMAR_KEYWORDS =
      List.of("AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE");

  private final ExpressionKind kind;
  private final Tokens tokens;
  private final Problems problems;
  private int nesting;

  private Parser(ExpressionKind kind, String text, List<Problem> order) {
    this.kind = kind;
    if (text.isBlank()) {
      throw kind.invalid("The expression can not be empty;");
    }
    int size = ItemSize.utf8Length(text);
    if (size > MAX_EXPRESSION_BYTES) {
      throw kind.invalid("Expression size has exceeded the maximum allowed size; expression size: " + size);
    }
    this.tokens = new Tokens(kind, text);
    this.problems = new Problems(kind, order);
  }

  /** Parses a ConditionExpression, FilterExpression or KeyConditionExpression. */
  public static Condition condition(ExpressionKind kind, String text) {
    Parser p = new Parser(kind, text, Problems.CONDITION_ORDER);
    Condition condition = p.or();
    p.tokens.expect(Type.EOF);
    p.finish();
    return condition;
  }

  public static Update update(String text) {
    Parser p = new Parser(ExpressionKind.UPDATE, text, Problems.UPDATE_ORDER);
    Update update = p.updateClauses();
    p.finish();
    return update;
  }

  public static List<Path> projection(String text) {
    Parser p = new Parser(ExpressionKind.PROJECTION, text, Problems.CONDITION_ORDER);
    List<Path> paths = new ArrayList<>();
    paths.add(p.path());
    while (p.tokens.accept(Type.COMMA)) {
      paths.add(p.path());
    }
    p.tokens.expect(Type.EOF);
    p.finish();
    return paths;
  }

  private void finish() {
    int operators = tokens.operatorCount();
    if (operators > MAX_OPERATORS) {
      problems.record(Problem.TOO_MANY_OPERATORS, tooManyOperators(operators));
    }
    problems.throwFirst();
  }

  /** Enters a group, a NOT or a function call; see {@link #MAX_NESTING}. */
  private void enter() {
    if (++nesting > MAX_NESTING) {
      int operators = tokens.operatorCount();
      throw kind.invalid(operators > MAX_OPERATORS ? tooManyOperators(operators) : REDUNDANT_PARENTHESES);
    }
  }

  private static String tooManyOperators(int count) {
    return "The expression contains too many operators; operator count: " + count;
  }

  private void leave() {
    nesting--;
  }

  // ---- conditions

  private Condition or() {
    Condition left = and();
    while (tokens.atKeyword("OR")) {
      tokens.next();
      left = new Condition.Or(left, and());
    }
    return left;
  }

  private Condition and() {
    Condition left = not();
    while (tokens.atKeyword("AND")) {
      tokens.next();
      left = new Condition.And(left, not());
    }
    return left;
  }

  private Condition not() {
    if (tokens.atKeyword("NOT")) {
      tokens.next();
      enter();
      Condition negated = new Condition.Not(not());
      leave();
      return negated;
    }
    return primary();
  }

  private Condition primary() {
    if (tokens.at(Type.LPAREN) && !startsComparison(tokens.afterGroup(0))) {
      noteRedundantGroup();
      tokens.next();
      enter();
      Condition inner = or();
      tokens.expect(Type.RPAREN);
      leave();
      return inner;
    }
    if (tokens.atCall() && !startsComparison(tokens.afterGroup(1))) {
      return conditionFunction();
    }
    Operand left = operand();
    Token operator = tokens.peek();
    if (operator.isKeyword("BETWEEN")) {
      tokens.next();
      Operand low = operand();
      if (!tokens.atKeyword("AND")) {
        throw tokens.syntaxError();
      }
      tokens.next();
      return new Condition.Between(left, low, operand());
    }
    if (operator.isKeyword("IN")) {
      tokens.next();
      tokens.expect(Type.LPAREN);
      List<Operand> candidates = operandsUpToClosingParenthesis();
      if (candidates.size() > MAX_IN_OPERANDS) {
        throw kind.invalid("The IN operator is provided with too many operands; number of operands: "
            + candidates.size());
      }
      return new Condition.In(left, candidates);
    }
    Comparator comparator = switch (operator.type()) {
      case EQ -> Comparator.EQ;
      case NE -> Comparator.NE;
      case LT -> Comparator.LT;
      case LE -> Comparator.LE;
      case GT -> Comparator.GT;
      case GE -> Comparator.GE;
      default -> throw tokens.syntaxError();
    };
    tokens.next();
    return new Condition.Comparison(left, comparator, operand());
  }

  /** True where a token continues an operand into a comparison: a group followed by it was an operand. */
  private static boolean startsComparison(Token t) {
    return switch (t.type()) {
      case EQ, NE, LT, LE, GT, GE, DOT, LBRACKET -> true;
      default -> t.isKeyword("BETWEEN") || t.isKeyword("IN");
    };
  }

  /**
   * A function standing as a condition. The tree returned for a faulty call is never evaluated: the fault is
   * recorded and the parse ends by throwing it.
   */
  private Condition conditionFunction() {
    String name = tokens.next().text();
    tokens.next();
    List<Operand> arguments = operandsUpToClosingParenthesis();
    ConditionFunction function = ConditionFunction.named(name);
    if (function == null) {
      if ("size".equals(name)) {
        misused(name);
      } else {
        unknownFunction(name);
      }
      return new Condition.Function(ConditionFunction.ATTRIBUTE_EXISTS, arguments);
    }
    if (arguments.size() != function.arity()) {
      operandCount(name, arguments.size());
    } else if (function.requiresPath() && !(arguments.get(0) instanceof Operand.PathOperand)) {
      problems.record(Problem.DOCUMENT_PATH_REQUIRED,
          "Operator or function requires a document path; operator or function: " + name);
    }
    return new Condition.Function(function, arguments);
  }

  /** An operand of a condition: a path, a value placeholder or {@code size(operand)}, in at most one group. */
  private Operand operand() {
    if (tokens.at(Type.LPAREN)) {
      noteRedundantGroup();
      tokens.next();
      enter();
      Operand inner = operand();
      tokens.expect(Type.RPAREN);
      leave();
      return inner instanceof Operand.PathOperand grouped && (tokens.at(Type.DOT) || tokens.at(Type.LBRACKET))
          ? new Operand.PathOperand(pathContinued(new ArrayList<>(grouped.path().elements())))
          : inner;
    }
    Token t = tokens.peek();
    if (t.type() == Type.VALUE_PLACEHOLDER) {
      tokens.next();
      return new Operand.Placeholder(t.text());
    }
    if (tokens.atCall()) {
      return functionOperand();
    }
    return new Operand.PathOperand(path());
  }

  /** A function as an operand: only {@code size} is one; any other is reported (and stands in by its argument). */
  private Operand functionOperand() {
    String name = tokens.next().text();
    tokens.next();
    List<Operand> arguments = operandsUpToClosingParenthesis();
    if ("size".equals(name)) {
      if (arguments.size() != 1) {
        operandCount(name, arguments.size());
      }
      return new Operand.Size(arguments.get(0));
    }
    if (ConditionFunction.named(name) != null) {
      misused(name);
    } else {
      unknownFunction(name);
    }
    return arguments.get(0);
  }

  /** Comma-separated operands up to the closing parenthesis (the opening one is consumed). */
  private List<Operand> operandsUpToClosingParenthesis() {
    enter();
    List<Operand> operands = new ArrayList<>();
    operands.add(operand());
    while (tokens.accept(Type.COMMA)) {
      operands.add(operand());
    }
    tokens.expect(Type.RPAREN);
    leave();
    return operands;
  }

  private void noteRedundantGroup() {
    if (tokens.atRedundantGroup()) {
      problems.record(Problem.REDUNDANT_PARENTHESES, REDUNDANT_PARENTHESES);
    }
  }

  private void misused(String function) {
    problems.record(Problem.MISUSED_FUNCTION,
        "The function is not allowed to be used this way in an expression; function: " + function);
  }

  private void unknownFunction(String function) {
    problems.record(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + function);
  }

  private void operandCount(String function, int count) {
    problems.record(Problem.OPERAND_COUNT, "Incorrect number of operands for operator or function; operator or"
        + " function: " + function + ", number of operands: " + count);
  }

  // ---- updates

  private Update updateClauses() {
    List<Update.Action> actions = new ArrayList<>();
    Set<Clause> seen = EnumSet.noneOf(Clause.class);
    do {
      Clause clause = Clause.of(tokens.peek());
      if (clause == null) {
        throw tokens.syntaxError();
      }
      if (!seen.add(clause)) {
        problems.record(Problem.REPEATED_SECTION,
            "The \"" + clause + "\" section can only be used once in an update expression;");
      }
      tokens.next();
      do {
        actions.add(action(clause));
      } while (tokens.accept(Type.COMMA));
    } while (!tokens.at(Type.EOF));
    return new Update(actions);
  }

  private enum Clause {
    SET,
    REMOVE,
    ADD,
    DELETE;

    static @Nullable Clause of(Token t) {
      for (Clause c : values()) {
        if (t.isKeyword(c.name())) {
          return c;
        }
      }
      return null;
    }
  }

  private Update.Action action(Clause clause) {
    Path path = path();
    return switch (clause) {
      case SET -> {
        tokens.expect(Type.EQ);
        yield new Update.Set(path, setValue());
      }
      case REMOVE -> new Update.Remove(path);
      case ADD -> new Update.Add(path, valuePlaceholder());
      case DELETE -> new Update.Delete(path, valuePlaceholder());
    };
  }

  /** ADD and DELETE take a value placeholder. */
  private Operand valuePlaceholder() {
    Token t = tokens.peek();
    if (t.type() != Type.VALUE_PLACEHOLDER) {
      throw tokens.syntaxError();
    }
    tokens.next();
    return new Operand.Placeholder(t.text());
  }

  /** The value of a SET action: an operand or a sum or difference of two, the whole in at most one group. */
  private Operand setValue() {
    Token afterGroup = tokens.afterGroup(0);
    if (tokens.at(Type.LPAREN) && afterGroup.type() != Type.PLUS && afterGroup.type() != Type.MINUS) {
      tokens.next();
      Operand value = arithmetic();
      tokens.expect(Type.RPAREN);
      return value;
    }
    return arithmetic();
  }

  private Operand arithmetic() {
    Operand left = setOperand();
    if (tokens.at(Type.PLUS) || tokens.at(Type.MINUS)) {
      boolean add = tokens.next().type() == Type.PLUS;
      return new Operand.Arithmetic(left, add, setOperand());
    }
    return left;
  }

  /** An operand of a SET value, in at most one group. */
  private Operand setOperand() {
    if (tokens.accept(Type.LPAREN)) {
      Operand inner = bareSetOperand();
      tokens.expect(Type.RPAREN);
      return inner;
    }
    return bareSetOperand();
  }

  private Operand bareSetOperand() {
    Token t = tokens.peek();
    if (t.type() == Type.VALUE_PLACEHOLDER) {
      tokens.next();
      return new Operand.Placeholder(t.text());
    }
    if (tokens.atCall()) {
      return updateFunction();
    }
    return new Operand.PathOperand(path());
  }

  /** {@code if_not_exists} or {@code list_append}; a faulty call is recorded and stands in by its first argument. */
  private Operand updateFunction() {
    String name = tokens.next().text();
    tokens.next();
    enter();
    List<Operand> arguments = new ArrayList<>();
    arguments.add(setOperand());
    while (tokens.accept(Type.COMMA)) {
      arguments.add(setOperand());
    }
    tokens.expect(Type.RPAREN);
    leave();
    boolean known = "if_not_exists".equals(name) || "list_append".equals(name);
    if (!known) {
      if ("size".equals(name) || ConditionFunction.named(name) != null) {
        problems.record(Problem.MISUSED_FUNCTION,
            "The function is not allowed in an update expression; function: " + name);
      } else {
        unknownFunction(name);
      }
      return arguments.get(0);
    }
    if (arguments.size() != 2) {
      operandCount(name, arguments.size());
      return arguments.get(0);
    }
    if (name.equals("list_append")) {
      return new Operand.ListAppend(arguments.get(0), arguments.get(1));
    }
    if (!(arguments.get(0) instanceof Operand.PathOperand path)) {
      problems.record(Problem.DOCUMENT_PATH_REQUIRED,
          "Operator or function requires a document path; operator or function: " + name);
      return arguments.get(0);
    }
    return new Operand.IfNotExists(path.path(), arguments.get(1));
  }

  // ---- paths

  private Path path() {
    List<PathElement> elements = new ArrayList<>();
    elements.add(name());
    return pathContinued(elements);
  }

  /** Reads {@code .name} and {@code [index]} steps after the elements read so far. */
  private Path pathContinued(List<PathElement> elements) {
    while (true) {
      if (tokens.accept(Type.DOT)) {
        elements.add(name());
      } else if (tokens.accept(Type.LBRACKET)) {
        Token index = tokens.peek();
        if (index.type() != Type.NUMBER) {
          throw tokens.syntaxError();
        }
        tokens.next();
        elements.add(new PathElement.Index(listIndex(index.text())));
        tokens.expect(Type.RBRACKET);
      } else {
        break;
      }
    }
    if (elements.size() > MAX_PATH_DEPTH) {
      throw kind.invalid("The document path has too many nesting levels; nesting levels: " + elements.size());
    }
    return new Path(elements);
  }

  private int listIndex(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw kind.invalid("List index is out of range; index: " + digits);
    }
  }

  private PathElement.Name name() {
    Token t = tokens.peek();
    if (t.type() == Type.NAME_PLACEHOLDER) {
      tokens.next();
      return new PathElement.Name(t.text());
    }
    if (t.type() != Type.NAME || isGrammarKeyword(t)) {
      throw tokens.syntaxError();
    }
    if (ReservedWords.isReserved(t.text())) {
      problems.record(Problem.RESERVED_WORD, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
    }
    tokens.next();
    return new PathElement.Name(t.text());
  }

  /** Words the grammar itself uses; they can never be names, even where the grammar expects one. */
  private static boolean isGrammarKeyword(Token t) {
    for (String keyword : GRAMMAR_KEYWORDS) {
      if (t.isKeyword(keyword)) {
        return true;
      }
    }
    return false;
  }
}
