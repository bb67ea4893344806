package io.shaledb.core.expr.parse;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ConditionFunction;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.parse.Token.Type;
import io.shaledb.core.model.ItemSize;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for DynamoDB's expression language, producing unbound trees. Precedence, lowest
 * first: OR, AND, NOT, then comparisons, BETWEEN, IN and functions; parentheses group. Every failure is a
 * ValidationException in DynamoDB's words, such as {@code Syntax error; token: "x", near: "a x b"}, where "near"
 * spans the token before the offending one to the token after it.
 */
public final class Parser {
  /** DynamoDB's limit on the length of one expression. */
  public static final int MAX_EXPRESSION_BYTES = 4096;
  /** DynamoDB's limit on document path depth. */
  public static final int MAX_PATH_DEPTH = 32;
  /** Guards the parser's stack against pathological nesting; far deeper than any real expression. */
  private static final int MAX_NESTING = 100;
  private static final int MAX_IN_OPERANDS = 100;
  private static final List<String> GRAMMAR_KEYWORDS =
      List.of("AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE");

  private final ExpressionKind kind;
  private final String text;
  private final List<Token> tokens;
  private int position;
  private int nesting;
  /** The first reserved word used as a name; reported only once the whole expression parsed, as DynamoDB does. */
  private String reservedWord;

  private Parser(ExpressionKind kind, String text) {
    this.kind = kind;
    this.text = text;
    if (text.isBlank()) {
      throw kind.invalid("The expression can not be empty;");
    }
    int size = ItemSize.utf8Length(text);
    if (size > MAX_EXPRESSION_BYTES) {
      throw kind.invalid("Expression size has exceeded the maximum allowed size; expression size: " + size);
    }
    this.tokens = Lexer.tokenize(text);
  }

  /** Parses a ConditionExpression, FilterExpression or KeyConditionExpression. */
  public static Condition condition(ExpressionKind kind, String text) {
    Parser p = new Parser(kind, text);
    Condition condition = p.or();
    p.expect(Type.EOF);
    p.rejectReservedWords();
    return condition;
  }

  public static Update update(String text) {
    Parser p = new Parser(ExpressionKind.UPDATE, text);
    Update update = p.updateClauses();
    p.rejectReservedWords();
    return update;
  }

  public static List<Path> projection(String text) {
    Parser p = new Parser(ExpressionKind.PROJECTION, text);
    List<Path> paths = new ArrayList<>();
    paths.add(p.path());
    while (p.accept(Type.COMMA)) {
      paths.add(p.path());
    }
    p.expect(Type.EOF);
    p.rejectReservedWords();
    return paths;
  }

  private void rejectReservedWords() {
    if (reservedWord != null) {
      throw kind.invalid("Attribute name is a reserved keyword; reserved keyword: " + reservedWord);
    }
  }

  // ---- conditions

  private Condition or() {
    enter();
    Condition left = and();
    while (peek().isKeyword("OR")) {
      position++;
      left = new Condition.Or(left, and());
    }
    nesting--;
    return left;
  }

  private Condition and() {
    Condition left = not();
    while (peek().isKeyword("AND")) {
      position++;
      left = new Condition.And(left, not());
    }
    return left;
  }

  private Condition not() {
    if (peek().isKeyword("NOT")) {
      position++;
      enter();
      Condition negated = new Condition.Not(not());
      nesting--;
      return negated;
    }
    return primary();
  }

  private Condition primary() {
    if (accept(Type.LPAREN)) {
      Condition inner = or();
      expect(Type.RPAREN);
      return inner;
    }
    Token start = peek();
    if (start.type() == Type.NAME && peekAt(1).type() == Type.LPAREN) {
      ConditionFunction function = ConditionFunction.named(start.text());
      if (function != null) {
        position += 2;
        List<Operand> arguments = arguments();
        if (arguments.size() != function.arity()) {
          throw kind.invalid("Incorrect number of operands for operator or function; operator or function: "
              + function.functionName() + ", number of operands: " + arguments.size());
        }
        if ((function == ConditionFunction.ATTRIBUTE_EXISTS || function == ConditionFunction.ATTRIBUTE_NOT_EXISTS
            || function == ConditionFunction.ATTRIBUTE_TYPE) && !(arguments.get(0) instanceof Operand.PathOperand)) {
          throw kind.invalid("Operator or function requires a document path; operator or function: "
              + function.functionName());
        }
        return new Condition.Function(function, arguments);
      }
    }
    Operand left = operand();
    Token operator = peek();
    if (operator.isKeyword("BETWEEN")) {
      position++;
      Operand low = operand();
      if (!peek().isKeyword("AND")) {
        throw syntaxError();
      }
      position++;
      return new Condition.Between(left, low, operand());
    }
    if (operator.isKeyword("IN")) {
      position++;
      expect(Type.LPAREN);
      List<Operand> candidates = new ArrayList<>();
      candidates.add(operand());
      while (accept(Type.COMMA)) {
        candidates.add(operand());
      }
      expect(Type.RPAREN);
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
      default -> throw syntaxError();
    };
    position++;
    return new Condition.Comparison(left, comparator, operand());
  }

  /** An operand of a condition: a path, a value placeholder or {@code size(operand)}. */
  private Operand operand() {
    Token t = peek();
    if (t.type() == Type.VALUE_PLACEHOLDER) {
      position++;
      return new Operand.Placeholder(t.text());
    }
    if (t.type() == Type.NAME && peekAt(1).type() == Type.LPAREN) {
      position += 2;
      List<Operand> arguments = arguments();
      return switch (t.text()) {
        case "size" -> {
          if (arguments.size() != 1) {
            throw kind.invalid("Incorrect number of operands for operator or function; operator or function: size,"
                + " number of operands: " + arguments.size());
          }
          yield new Operand.Size(arguments.get(0));
        }
        default -> throw ConditionFunction.named(t.text()) != null
            ? kind.invalid("The function is not allowed to be used this way in an expression; function: "
                + t.text())
            : kind.invalid("Invalid function name; function: " + t.text());
      };
    }
    return new Operand.PathOperand(path());
  }

  /** Comma-separated operands up to the closing parenthesis (the opening one is consumed). */
  private List<Operand> arguments() {
    enter();
    List<Operand> arguments = new ArrayList<>();
    arguments.add(operand());
    while (accept(Type.COMMA)) {
      arguments.add(operand());
    }
    expect(Type.RPAREN);
    nesting--;
    return arguments;
  }

  // ---- updates

  private Update updateClauses() {
    List<Update.Action> actions = new ArrayList<>();
    Set<Clause> seen = EnumSet.noneOf(Clause.class);
    do {
      Clause clause = Clause.of(peek());
      if (clause == null) {
        throw syntaxError();
      }
      if (!seen.add(clause)) {
        throw kind.invalid("The \"" + clause + "\" section can only be used once in an update expression;");
      }
      position++;
      do {
        actions.add(action(clause));
      } while (accept(Type.COMMA));
    } while (peek().type() != Type.EOF);
    return new Update(actions);
  }

  private enum Clause {
    SET,
    REMOVE,
    ADD,
    DELETE;

    static Clause of(Token t) {
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
        expect(Type.EQ);
        yield new Update.Set(path, setValue());
      }
      case REMOVE -> new Update.Remove(path);
      case ADD -> new Update.Add(path, valueOperand());
      case DELETE -> new Update.Delete(path, valueOperand());
    };
  }

  /** ADD and DELETE take a value placeholder. */
  private Operand valueOperand() {
    Token t = peek();
    if (t.type() != Type.VALUE_PLACEHOLDER) {
      throw syntaxError();
    }
    position++;
    return new Operand.Placeholder(t.text());
  }

  private Operand setValue() {
    Operand left = setOperand();
    if (peek().type() == Type.PLUS || peek().type() == Type.MINUS) {
      boolean add = next().type() == Type.PLUS;
      return new Operand.Arithmetic(left, add, setOperand());
    }
    return left;
  }

  private Operand setOperand() {
    Token t = peek();
    if (t.type() == Type.VALUE_PLACEHOLDER) {
      position++;
      return new Operand.Placeholder(t.text());
    }
    if (t.type() == Type.NAME && peekAt(1).type() == Type.LPAREN) {
      position += 2;
      enter();
      Operand function = switch (t.text()) {
        case "if_not_exists" -> {
          Path path = path();
          expect(Type.COMMA);
          yield new Operand.IfNotExists(path, setOperand());
        }
        case "list_append" -> {
          Operand first = setOperand();
          expect(Type.COMMA);
          yield new Operand.ListAppend(first, setOperand());
        }
        default -> throw "size".equals(t.text()) || ConditionFunction.named(t.text()) != null
            ? kind.invalid("The function is not allowed in an update expression; function: " + t.text())
            : kind.invalid("Invalid function name; function: " + t.text());
      };
      expect(Type.RPAREN);
      nesting--;
      return function;
    }
    return new Operand.PathOperand(path());
  }

  // ---- paths

  private Path path() {
    List<PathElement> elements = new ArrayList<>();
    elements.add(name());
    while (true) {
      if (accept(Type.DOT)) {
        elements.add(name());
      } else if (accept(Type.LBRACKET)) {
        Token index = peek();
        if (index.type() != Type.NUMBER) {
          throw syntaxError();
        }
        position++;
        elements.add(new PathElement.Index(listIndex(index.text())));
        expect(Type.RBRACKET);
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
    Token t = peek();
    if (t.type() == Type.NAME_PLACEHOLDER) {
      position++;
      return new PathElement.Name(t.text());
    }
    if (t.type() != Type.NAME || isGrammarKeyword(t)) {
      throw syntaxError();
    }
    if (reservedWord == null && ReservedWords.isReserved(t.text())) {
      reservedWord = t.text();
    }
    position++;
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

  // ---- tokens

  private Token peek() {
    return tokens.get(position);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(position + ahead, tokens.size() - 1));
  }

  private Token next() {
    return tokens.get(position++);
  }

  private boolean accept(Type type) {
    if (peek().type() == type) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(Type type) {
    if (!accept(type)) {
      throw syntaxError();
    }
  }

  private void enter() {
    if (++nesting > MAX_NESTING) {
      throw kind.invalid("The expression is nested too deeply; nesting levels exceed " + MAX_NESTING);
    }
  }

  /** DynamoDB's syntax error at the current token. */
  private DynamoException syntaxError() {
    Token bad = peek();
    int from = position > 0 ? tokens.get(position - 1).start() : bad.start();
    int to = bad.type() != Type.EOF && position + 1 < tokens.size() ? tokens.get(position + 1).end() : bad.end();
    return kind.invalid("Syntax error; token: \"" + bad.display() + "\", near: \"" + text.substring(from, to) + "\"");
  }
}
