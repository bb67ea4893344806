package io.shaledb.core.partiql.parse;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.model.AttributeType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Expr.Function;
import io.shaledb.core.partiql.parse.Token.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Recursive descent over PartiQL expressions, with SQL's precedence, lowest first: OR, AND, NOT, then a comparison,
 * BETWEEN, IN or IS, then + and -, then terms (literals, parameters, paths, calls, constructors and parentheses).
 * Which functions a call may name depends on the clause (see {@link Clause}), as it does in DynamoDB.
 */
final class ExpressionParser {
  /**
   * Bounds the recursion, so that the longest statement DynamoDB accepts cannot exhaust a thread's stack; no
   * statement it runs comes near this depth.
   */
  private static final int MAX_NESTING = 200;
  /** The developer guide's bound on the values one IN lists ("PartiQL arithmetic, comparison, and logical operators"). */
  private static final int MAX_IN_CANDIDATES = 100;
  private static final Map<String, Function> FUNCTIONS = Arrays.stream(Function.values())
      .collect(Collectors.toUnmodifiableMap(f -> f.name().toLowerCase(Locale.ROOT), f -> f));

  /** Where an expression stands, which decides the calls it may hold. */
  enum Clause {
    /** A WHERE clause: condition functions; the update functions and EXISTS are unknown there. */
    CONDITION,
    /** The value of a SET: any function. */
    ASSIGNMENT,
    /** An INSERT's item: a value, so no call at all. */
    ITEM
  }

  private final Tokens tokens;
  private Clause clause = Clause.CONDITION;
  private int nesting;
  /** The candidates of the first IN over the bound, reported once the whole statement is known to parse. */
  private int oversizedIn;

  ExpressionParser(Tokens tokens) {
    this.tokens = tokens;
  }

  /**
   * Refuses an IN over the bound as DynamoDB does: after every syntax error, before the table is looked up (DynamoDB
   * Local 3.3.1's answer; no capture of the service has it).
   */
  void checkInBounds() {
    if (oversizedIn > 0) {
      throw Errors.tooManyInOperands(oversizedIn);
    }
  }

  private Expr.In in(Expr left, List<Expr> candidates) {
    if (candidates.size() > MAX_IN_CANDIDATES && oversizedIn == 0) {
      oversizedIn = candidates.size();
    }
    return new Expr.In(left, candidates);
  }

  Expr condition() {
    clause = Clause.CONDITION;
    return or();
  }

  /** An INSERT's item: each attribute's value is a root of its own in DynamoDB's messages ("under root.x"). */
  Expr item() {
    clause = Clause.ITEM;
    if (tokens.accept(Type.LBRACE)) {
      return nested(() -> tuple(ValuePath.ROOT, true));
    }
    // Only a tuple written out is an item, not a parameter holding a map (DynamoDB Local 3.3.1, whose message points
    // at the value past any brackets and sign, and not at a path).
    int ahead = 0;
    while (tokens.peekAt(ahead).type() == Type.LPAREN || tokens.peekAt(ahead).type() == Type.MINUS) {
      ahead++;
    }
    Token value = tokens.peekAt(ahead);
    throw Errors.itemNotAStruct(value.isName() ? null : value);
  }

  /** The value of {@code SET target = ...}; SET_ADD and SET_DELETE must name the target first. */
  Expr assignment(Expr.PathExpr target) {
    clause = Clause.ASSIGNMENT;
    Token name = tokens.peek();
    if (atCall()) {
      Function function = FUNCTIONS.get(name.value().toLowerCase(Locale.ROOT));
      if (function == Function.SET_ADD || function == Function.SET_DELETE) {
        return setFunction(function, name, target);
      }
    }
    return value(ValuePath.ROOT);
  }

  // ---- predicates

  private Expr or() {
    Expr left = and();
    while (tokens.acceptKeyword("OR")) {
      left = new Expr.Or(left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (tokens.acceptKeyword("AND")) {
      left = new Expr.And(left, not());
    }
    return left;
  }

  private Expr not() {
    if (tokens.acceptKeyword("NOT")) {
      return nested(() -> new Expr.Not(not()));
    }
    return predicate();
  }

  private Expr predicate() {
    Expr left = value(ValuePath.ROOT);
    Token token = tokens.peek();
    Comparator op = switch (token.type()) {
      case EQ -> Comparator.EQ;
      case NE -> Comparator.NE;
      case LT -> Comparator.LT;
      case LE -> Comparator.LE;
      case GT -> Comparator.GT;
      case GE -> Comparator.GE;
      default -> null;
    };
    if (op != null) {
      tokens.next();
      return new Expr.Comparison(left, op, value(ValuePath.ROOT));
    }
    if (token.is("NOT") && (tokens.peekAt(1).is("BETWEEN") || tokens.peekAt(1).is("IN"))) {
      tokens.next();
      return new Expr.Not(rangeOrMembership(left));
    }
    if (token.is("BETWEEN") || token.is("IN")) {
      return rangeOrMembership(left);
    }
    if (token.is("IS")) {
      tokens.next();
      boolean negated = tokens.acceptKeyword("NOT");
      return new Expr.Is(left, IsTypes.read(tokens, token), negated);
    }
    return left;
  }

  private Expr rangeOrMembership(Expr left) {
    if (tokens.acceptKeyword("BETWEEN")) {
      Expr low = value(ValuePath.ROOT);
      tokens.expectKeyword("AND");
      return new Expr.Between(left, low, value(ValuePath.ROOT));
    }
    tokens.expectKeyword("IN");
    if (tokens.at(Type.PARAMETER)) {
      // DynamoDB wants the candidates written out: a parameter, even one holding a list, is not a sequence.
      throw Errors.invalidIn();
    }
    if (tokens.accept(Type.LBRACKET)) {
      List<Expr> candidates = nested(() -> elements(Type.RBRACKET, ValuePath.ROOT, false));
      if (candidates.isEmpty()) {
        throw Errors.invalidIn();
      }
      return in(left, candidates);
    }
    tokens.expect(Type.LPAREN);
    if (tokens.at(Type.RPAREN)) {
      throw Errors.unexpectedTerm(tokens.peek());
    }
    if (tokens.atKeyword("SELECT")) {
      throw Errors.invalidIn();
    }
    return nested(() -> in(left, elements(Type.RPAREN, ValuePath.ROOT, false)));
  }

  // ---- values

  /** A term, or terms joined by + and -. */
  private Expr value(ValuePath at) {
    Expr left = term(at);
    while (tokens.at(Type.PLUS) || tokens.at(Type.MINUS)) {
      Expr.ArithmeticOp op = tokens.next().type() == Type.PLUS ? Expr.ArithmeticOp.ADD : Expr.ArithmeticOp.SUBTRACT;
      left = new Expr.Arithmetic(left, op, term(at));
    }
    return left;
  }

  private Expr term(ValuePath at) {
    Token token = tokens.peek();
    return switch (token.type()) {
      case STRING -> {
        tokens.next();
        yield new Expr.Literal(new AttributeValue.S(token.value()));
      }
      case NUMBER -> {
        tokens.next();
        yield new Expr.Literal(Literals.number(token.value(), at));
      }
      case MINUS -> negativeNumber(at);
      case PARAMETER -> parameter();
      case LPAREN -> {
        tokens.next();
        Expr grouped = nested(this::or);
        tokens.expect(Type.RPAREN);
        yield grouped;
      }
      case LBRACKET -> {
        tokens.next();
        yield nested(() -> new Expr.ListExpr(elements(Type.RBRACKET, at, false)));
      }
      case BAG_OPEN -> {
        tokens.next();
        yield nested(() -> new Expr.BagExpr(elements(Type.BAG_CLOSE, at, true)));
      }
      case LBRACE -> {
        tokens.next();
        yield nested(() -> tuple(at, false));
      }
      case QUOTED_NAME -> path();
      case WORD -> word(token);
      default -> throw Errors.unexpectedTerm(token);
    };
  }

  private Expr word(Token token) {
    if (atCall()) {
      return call(token);
    }
    if (token.is("TRUE") || token.is("FALSE")) {
      tokens.next();
      return new Expr.Literal(AttributeValue.Bool.of(token.is("TRUE")));
    }
    if (token.is("NULL")) {
      tokens.next();
      return new Expr.Literal(AttributeValue.Null.INSTANCE);
    }
    if (token.is("MISSING")) {
      tokens.next();
      return new Expr.Missing();
    }
    if (token.isReserved()) {
      throw Errors.unexpectedTerm(token);
    }
    return path();
  }

  private Expr negativeNumber(ValuePath at) {
    tokens.next();
    Token number = tokens.peek();
    if (number.type() != Type.NUMBER) {
      // A minus before anything but a number: DynamoDB Local 3.3.1 reads it as an operator it does not support.
      throw switch (clause) {
        case CONDITION -> DynamoException.validation("Unsupported operator in Condition Expression. Operator: -");
        case ASSIGNMENT -> DynamoException.validation("Incorrect number of operands for operator or function;"
            + " operator or function: -, number of operands: 1");
        case ITEM -> Errors.unexpectedTerm(number);
      };
    }
    tokens.next();
    return new Expr.Literal(Literals.number("-" + number.value(), at));
  }

  private Expr.Parameter parameter() {
    tokens.expect(Type.PARAMETER);
    return new Expr.Parameter(tokens.nextParameter());
  }

  /** The elements of a list, bag or IN list up to {@code close}, each at its index. */
  private List<Expr> elements(Type close, ValuePath at, boolean bag) {
    List<Expr> elements = new ArrayList<>();
    if (!tokens.accept(close)) {
      do {
        Token start = tokens.peek();
        Expr element = value(at.index(elements.size()));
        if (bag) {
          checkBagElement(elements, element, start);
        }
        elements.add(element);
      } while (tokens.accept(Type.COMMA));
      tokens.expect(close);
    } else if (bag) {
      throw DynamoException.validation("Empty bags are not supported");
    }
    return elements;
  }

  /**
   * A bag holds strings or numbers, all of the first element's type, and a parameter only as its first element (its
   * type is checked when it is bound). DynamoDB Local 3.3.1 points at the offending element unless the bag began with
   * a number, and says a later parameter is an unsupported data type; the service's answers are not recorded.
   */
  private static void checkBagElement(List<Expr> before, Expr element, Token start) {
    boolean first = before.isEmpty();
    if (element instanceof Expr.Parameter) {
      if (!first) {
        throw Errors.unsupportedDataType("Parameter", start);
      }
      return;
    }
    AttributeType type = bagType(element);
    AttributeType expected = first ? type : bagType(before.getFirst());
    if (type == null || (expected != null && type != expected)) {
      throw Errors.bagElement(!first && expected == AttributeType.N ? null : start);
    }
  }

  /** S or N for a string or number literal; null for anything else. */
  private static @Nullable AttributeType bagType(Expr element) {
    if (element instanceof Expr.Literal literal
        && (literal.value().type() == AttributeType.S || literal.value().type() == AttributeType.N)) {
      return literal.value().type();
    }
    return null;
  }

  /** The entries of a tuple up to its closing brace; {@code attributes} when they are an item's, each a root. */
  private Expr.TupleExpr tuple(ValuePath at, boolean attributes) {
    List<Expr.TupleExpr.Entry> entries = new ArrayList<>();
    if (!tokens.accept(Type.RBRACE)) {
      do {
        String key = tokens.expect(Type.STRING).value();
        tokens.expect(Type.COLON);
        entries.add(new Expr.TupleExpr.Entry(key, value(attributes ? at : at.key(key))));
      } while (tokens.accept(Type.COMMA));
      tokens.expect(Type.RBRACE);
    }
    return new Expr.TupleExpr(entries);
  }

  // ---- paths

  /** True where a path starts: a double-quoted name, or a word that is neither reserved nor a call. */
  boolean atPath() {
    Token token = tokens.peek();
    return token.isName() && !atCall();
  }

  /** A path: {@code a.b[2]["c"]}, {@code "a"."b"} or {@code a['key']}; a reserved word after a dot is refused. */
  Expr.PathExpr path() {
    Token first = tokens.next();
    if (!first.isName()) {
      throw Errors.unexpectedTerm(first);
    }
    List<Expr.Step> steps = new ArrayList<>();
    steps.add(new Expr.Step.Name(first.value()));
    while (true) {
      if (tokens.accept(Type.DOT)) {
        Token name = tokens.next();
        if (!name.isName()) {
          throw Errors.malformed(Errors.INVALID_PATH_DOT);
        }
        steps.add(new Expr.Step.Name(name.value()));
      } else if (tokens.accept(Type.LBRACKET)) {
        Token key = tokens.next();
        steps.add(switch (key.type()) {
          case STRING -> new Expr.Step.Name(key.value());
          case NUMBER -> new Expr.Step.Index(listIndex(key));
          default -> throw Errors.unexpected(key);
        });
        tokens.expect(Type.RBRACKET);
      } else {
        return new Expr.PathExpr(steps);
      }
    }
  }

  private static int listIndex(Token number) {
    String digits = number.value();
    if (digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw Errors.unexpected(number);
    }
    return Integer.parseInt(digits);
  }

  // ---- calls

  private boolean atCall() {
    return tokens.at(Type.WORD) && tokens.peekAt(1).type() == Type.LPAREN;
  }

  private Expr call(Token name) {
    if (clause == Clause.ITEM) {
      throw Errors.unsupportedDataType(name);
    }
    Function function = FUNCTIONS.get(name.value().toLowerCase(Locale.ROOT));
    if (function == null || (clause == Clause.CONDITION && isUpdateFunction(function))) {
      throw Errors.unrecognizedFunction(name);
    }
    tokens.next();
    List<Expr> arguments = arguments();
    int arity = arity(function);
    if (arity > 0 && arguments.size() != arity) {
      throw Errors.operandCount(name, arguments.size());
    }
    boolean needsPath = function == Function.ATTRIBUTE_EXISTS || function == Function.ATTRIBUTE_NOT_EXISTS;
    if (needsPath && !(arguments.get(0) instanceof Expr.PathExpr)) {
      throw Errors.documentPathRequired(name);
    }
    return new Expr.Call(function, arguments);
  }

  /**
   * {@code set_add(target, <<...>>)} or {@code set_delete(...)}: DynamoDB checks the arity, that the first argument
   * is the path being assigned, and that the second is not a value of another type written out.
   */
  private Expr setFunction(Function function, Token name, Expr.PathExpr target) {
    String upper = name.value().toUpperCase(Locale.ROOT);
    tokens.next();
    Token firstArgument = tokens.peekAt(1);
    List<Expr> arguments = arguments();
    if (arguments.size() != 2) {
      throw Errors.setFunctionArity(upper, name);
    }
    if (!arguments.get(0).equals(target)) {
      throw Errors.setFunctionTarget(upper, name);
    }
    Expr operand = arguments.get(1);
    if (operand instanceof Expr.Literal || operand instanceof Expr.ListExpr || operand instanceof Expr.TupleExpr) {
      throw Errors.setFunctionOperand(upper, firstArgument);
    }
    return new Expr.Call(function, arguments);
  }

  /** {@code (a, b, ...)} after a function's name. */
  private List<Expr> arguments() {
    tokens.expect(Type.LPAREN);
    return nested(() -> {
      List<Expr> arguments = new ArrayList<>();
      if (!tokens.accept(Type.RPAREN)) {
        do {
          arguments.add(value(ValuePath.ROOT));
        } while (tokens.accept(Type.COMMA));
        tokens.expect(Type.RPAREN);
      }
      return arguments;
    });
  }

  private static boolean isUpdateFunction(Function function) {
    return switch (function) {
      case LIST_APPEND, SET_ADD, SET_DELETE -> true;
      case BEGINS_WITH, CONTAINS, SIZE, ATTRIBUTE_TYPE, MISSING, ATTRIBUTE_EXISTS, ATTRIBUTE_NOT_EXISTS -> false;
    };
  }

  /** The operands a function takes, where DynamoDB counts them at parse time; 0 where it is left to execution. */
  private static int arity(Function function) {
    return switch (function) {
      case SIZE, ATTRIBUTE_EXISTS, ATTRIBUTE_NOT_EXISTS -> 1;
      case BEGINS_WITH, CONTAINS, ATTRIBUTE_TYPE, LIST_APPEND, SET_ADD, SET_DELETE -> 2;
      case MISSING -> 0;
    };
  }

  private <T> T nested(Supplier<T> parse) {
    if (++nesting > MAX_NESTING) {
      throw Errors.malformed("");
    }
    T result = parse.get();
    nesting--;
    return result;
  }

}
