import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{Ar as t,D as n,Ir as r,It as i,Ot as a,P as o,Z as s,a as c,l,n as u,o as d,pn as f,r as p,s as m,u as h,w as g,y as _}from"./index-CUr97UIb.js";import{t as v}from"./radio-DREMoQBk.js";import{t as y}from"./space-DDlhjRAT.js";import{n as b,t as x}from"./PersonPicker-DGzCr6tY.js";import{t as S}from"./list-JfATqGmj.js";import{t as C}from"./tag-Cx-9Bud6.js";var w=e(s(),1),T=p(),E=l(`
  query MyDelegations {
    delegations(includeEnded: true) {
      id
      startsAt
      endsAt
      revokedAt
      note
      isActive
      head {
        id
        displayName
      }
      delegate {
        id
        displayName
      }
    }
  }
`),D=l(`
  mutation SetDelegate($input: SetDelegateInput!) {
    setDelegate(input: $input) {
      id
    }
  }
`),O=l(`
  mutation RevokeDelegation($id: ID!) {
    revokeDelegation(id: $id) {
      id
      revokedAt
      isActive
    }
  }
`);function k(){let{t:e,language:s}=h(),{message:c}=a.useApp(),{viewer:l}=u(),[p]=n.useForm(),{data:m}=r(E),[v,k]=t(D,{refetchQueries:[E]}),[A,j]=t(O),M=async t=>{await v({variables:{input:{delegateId:t.delegateId,startsAt:t.period[0].toISOString(),endsAt:t.period[1].toISOString(),note:t.note??``}}}).catch(()=>null)&&(p.resetFields(),c.success(e(`delegation.set`)))},N=k.error??j.error,P=(m?.delegations??[]).filter(e=>e.head?.id===l.id);return(0,T.jsxs)(o,{size:`small`,title:e(`delegation.title`),"data-testid":`delegation-card`,children:[N&&(0,T.jsx)(f,{type:`error`,showIcon:!0,message:d(N,e,s),style:{marginBottom:12}}),(0,T.jsxs)(n,{form:p,layout:`vertical`,onFinish:e=>void M(e),children:[(0,T.jsx)(n.Item,{label:e(`delegation.delegate`),name:`delegateId`,rules:[{required:!0,message:e(`field.required`,{label:e(`delegation.delegate`)})}],children:(0,T.jsx)(x,{excludeIds:[l.id]})}),(0,T.jsx)(n.Item,{label:e(`delegation.period`),name:`period`,rules:[{required:!0,message:e(`field.required`,{label:e(`delegation.period`)})}],children:(0,T.jsx)(b.RangePicker,{showTime:{format:`HH:mm`},format:`YYYY-MM-DD HH:mm`,style:{width:`100%`},"aria-label":e(`delegation.period`)})}),(0,T.jsx)(n.Item,{label:e(`delegation.note`),name:`note`,children:(0,T.jsx)(g,{maxLength:200})}),(0,T.jsx)(i,{type:`primary`,htmlType:`submit`,loading:k.loading,children:e(`delegation.submit`)})]}),(0,T.jsx)(S,{style:{marginTop:12},size:`small`,dataSource:P,locale:{emptyText:(0,T.jsx)(_.Text,{type:`secondary`,children:e(`common.none`)})},renderItem:t=>(0,T.jsx)(S.Item,{actions:t.isActive||!t.revokedAt&&(0,w.default)(t.endsAt).isAfter((0,w.default)())?[(0,T.jsx)(i,{size:`small`,danger:!0,loading:j.loading,onClick:()=>void A({variables:{id:t.id}}).then(()=>c.success(e(`delegation.revoked`))).catch(()=>null),children:e(`delegation.revoke`)},`revoke`)]:[],children:(0,T.jsxs)(y,{wrap:!0,children:[(0,T.jsx)(_.Text,{strong:!0,children:t.delegate?.displayName}),(0,T.jsxs)(_.Text,{children:[(0,w.default)(t.startsAt).format(`YYYY-MM-DD HH:mm`),` – `,(0,w.default)(t.endsAt).format(`YYYY-MM-DD HH:mm`)]}),t.isActive&&(0,T.jsx)(C,{color:`green`,children:e(`delegation.active`)}),t.revokedAt&&(0,T.jsx)(C,{children:e(`delegation.revokedTag`)}),t.note&&(0,T.jsx)(_.Text,{type:`secondary`,children:t.note})]})})})]})}var A=l(`
  mutation CreateSuggestion($input: CreateSuggestionInput!) {
    createSuggestion(input: $input) {
      id
    }
  }
`);function j(){let{t:e,language:r}=h(),{message:s}=a.useApp(),[c]=n.useForm(),[l,{loading:u,error:p}]=t(A),m=t=>[{required:!0,whitespace:!0,message:e(`field.required`,{label:t})}],_=async t=>{await l({variables:{input:{painPoint:t.painPoint,proposal:t.proposal,expectedEffect:t.expectedEffect??``}}}).catch(()=>null)&&(c.resetFields(),s.success(e(`suggestion.sent`)))};return(0,T.jsxs)(o,{size:`small`,title:e(`suggestion.title`),"data-testid":`suggestion-card`,children:[p&&(0,T.jsx)(f,{type:`error`,showIcon:!0,message:d(p,e,r),style:{marginBottom:12}}),(0,T.jsxs)(n,{form:c,layout:`vertical`,onFinish:e=>void _(e),children:[(0,T.jsx)(n.Item,{label:e(`suggestion.painPoint`),name:`painPoint`,rules:m(e(`suggestion.painPoint`)),children:(0,T.jsx)(g.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,T.jsx)(n.Item,{label:e(`suggestion.proposal`),name:`proposal`,rules:m(e(`suggestion.proposal`)),children:(0,T.jsx)(g.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,T.jsx)(n.Item,{label:e(`suggestion.expectedEffect`),name:`expectedEffect`,children:(0,T.jsx)(g.TextArea,{autoSize:{minRows:1},maxLength:2e3})}),(0,T.jsx)(i,{type:`primary`,htmlType:`submit`,loading:u,children:e(`suggestion.submit`)})]})]})}var M=l(`
  mutation SetLanguage($language: String!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`),N=l(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      token
    }
  }
`);function P(){let{t:e,language:r,setLanguage:s}=h(),{message:l}=a.useApp(),{viewer:f,replaceToken:p}=u(),[b]=t(M),[x,{loading:S}]=t(N),[C]=n.useForm(),w=async t=>{s(t),await b({variables:{language:t}}).catch(n=>l.error(d(n,e,t)))},E=async t=>{try{let n=await x({variables:{input:{currentPassword:t.currentPassword,newPassword:t.newPassword}}});n.data&&p(n.data.changePassword.token),C.resetFields(),l.success(e(`account.changed`))}catch(t){let n=c(t),i=d(t,e,r);n?C.setFields([{name:n[0],errors:[m(t,e,r)]}]):l.error(i)}};return(0,T.jsxs)(y,{direction:`vertical`,size:16,style:{width:`100%`,maxWidth:560},children:[(0,T.jsxs)(_.Title,{level:1,style:{fontSize:22,margin:0},children:[e(`nav.account`),` · `,f.displayName]}),(0,T.jsx)(o,{size:`small`,title:e(`account.language`),children:(0,T.jsxs)(v.Group,{value:r,onChange:e=>void w(e.target.value),children:[(0,T.jsx)(v.Button,{value:`zh`,children:`简体中文`}),(0,T.jsx)(v.Button,{value:`en`,children:`English`})]})}),(0,T.jsx)(o,{size:`small`,title:e(`account.password`),children:(0,T.jsxs)(n,{form:C,layout:`vertical`,onFinish:e=>void E(e),children:[(0,T.jsx)(n.Item,{label:e(`account.current`),name:`currentPassword`,rules:[{required:!0}],children:(0,T.jsx)(g.Password,{autoComplete:`current-password`})}),(0,T.jsx)(n.Item,{label:e(`account.new`),name:`newPassword`,rules:[{required:!0,min:8,max:128}],children:(0,T.jsx)(g.Password,{autoComplete:`new-password`})}),(0,T.jsx)(n.Item,{label:e(`account.confirm`),name:`confirm`,dependencies:[`newPassword`],rules:[{required:!0},({getFieldValue:t})=>({validator:(n,r)=>r===t(`newPassword`)?Promise.resolve():Promise.reject(Error(e(`account.mismatch`)))})],children:(0,T.jsx)(g.Password,{autoComplete:`new-password`})}),(0,T.jsx)(i,{type:`primary`,htmlType:`submit`,loading:S,children:e(`account.save`)})]})}),f.role===`DEPT_HEAD`&&(0,T.jsx)(k,{}),(0,T.jsx)(j,{})]})}export{P as default};